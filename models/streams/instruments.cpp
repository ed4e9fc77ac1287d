#include "streams/instruments.h"

namespace Liq::Instruments {
namespace {

// Quote currencies of linear contracts, longest first so "FDUSD" is not read as "...USD".
const char *const LinearQuotes[] = {"FDUSD", "USDT", "USDC", "BUSD", "TUSD", "PERP", "USD"};

QString stripQuote(QString name)
{
    for (const char *quote : LinearQuotes) {
        const QLatin1String suffix(quote);
        if (name.size() > suffix.size() && name.endsWith(suffix))
            return name.left(name.size() - suffix.size());
    }
    return name;
}

} // namespace

QString binanceCoin(const QString &symbol)
{
    // COIN-M: BTCUSD_PERP, ETHUSD_250926; USD-M dated: BTCUSDT_250926.
    const QString head = symbol.section(u'_', 0, 0);
    return stripQuote(head);
}

QString bybitCoin(const QString &symbol)
{
    // USDC futures: BTC-26DEC25; inverse futures: BTCUSDZ25, ETHUSDH26 (month code and year).
    if (symbol.contains(u'-'))
        return symbol.section(u'-', 0, 0);
    static const QLatin1String usd("USD");
    const qsizetype at = symbol.lastIndexOf(usd);
    if (at > 0 && symbol.size() - at == 6 && symbol.at(at + 3).isLetter() && symbol.at(at + 4).isDigit()
        && symbol.at(at + 5).isDigit()) {
        return symbol.left(at);
    }
    return stripQuote(symbol);
}

QString okxCoin(const QString &instrumentOrFamily)
{
    return instrumentOrFamily.section(u'-', 0, 0);
}

} // namespace Liq::Instruments
