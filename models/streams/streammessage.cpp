#include "streams/streammessage.h"

#include <QCoreApplication>

#include <cmath>

namespace Liq {

StreamMessage StreamMessage::bad(const QString &problem)
{
    StreamMessage message;
    message.kind = Kind::Bad;
    message.problem = problem;
    return message;
}

QString EventCheck::problem(const LiquidationEvent &event)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Liq::EventCheck", text);
    };
    if (!std::isfinite(event.price) || !std::isfinite(event.quantity) || !std::isfinite(event.usd))
        return tr("a price, size or amount that is not a finite number");
    if (event.price < 0 || event.quantity < 0 || event.usd < 0)
        return tr("a negative price, size or amount");
    if (event.coin.isEmpty() || event.instrument.isEmpty())
        return tr("no instrument");
    if (event.exchangeTimeMs > event.receiveTimeMs + MaxFutureMs)
        return tr("a time more than 5 minutes in the future");
    if (event.exchangeTimeMs < event.receiveTimeMs - MaxAgeMs)
        return tr("a time more than 24 hours in the past");
    return {};
}

StreamParser::~StreamParser() = default;

} // namespace Liq
