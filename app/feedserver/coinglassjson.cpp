#include "coinglassjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Liq::CoinGlassJson {

namespace {

QByteArray envelope(const QJsonArray &data)
{
    const QJsonObject root{{QStringLiteral("code"), QStringLiteral("0")},
                           {QStringLiteral("msg"), QStringLiteral("success")},
                           {QStringLiteral("data"), data}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

double cents(double usd)
{
    return std::round(usd * 100.0) / 100.0;
}

QJsonObject exchangeRow(const QString &name, const SideAmounts &amounts)
{
    return {{QStringLiteral("exchange"), name},
            {QStringLiteral("liquidation_usd"), cents(amounts.total())},
            {QStringLiteral("long_liquidation_usd"), cents(amounts.longUsd)},
            {QStringLiteral("short_liquidation_usd"), cents(amounts.shortUsd)}};
}

} // namespace

QByteArray coinList(const LiquidationSnapshot &coins)
{
    QJsonArray rows;
    for (const BreakdownRow &row : coins.breakdown) {
        QJsonObject object{{QStringLiteral("symbol"), row.name}};
        for (TimeWindow window : AllTimeWindows) {
            if (!row.amounts.has(window))
                continue;
            const SideAmounts &amounts = row.amounts.at(window);
            const QString label = windowLabel(window);
            object.insert(QStringLiteral("liquidation_usd_") + label, cents(amounts.total()));
            object.insert(QStringLiteral("long_liquidation_usd_") + label, cents(amounts.longUsd));
            object.insert(QStringLiteral("short_liquidation_usd_") + label, cents(amounts.shortUsd));
        }
        rows.append(object);
    }
    return envelope(rows);
}

QByteArray exchangeList(const LiquidationSnapshot &exchanges, TimeWindow window)
{
    QJsonArray rows;
    rows.append(exchangeRow(QStringLiteral("All"), exchanges.totals.value(window).value_or(SideAmounts{})));
    for (const BreakdownRow &row : exchanges.breakdown) {
        if (row.amounts.has(window))
            rows.append(exchangeRow(row.name, row.amounts.at(window)));
    }
    return envelope(rows);
}

QByteArray error(const QString &code, const QString &message)
{
    const QJsonObject root{{QStringLiteral("code"), code},
                           {QStringLiteral("msg"), message},
                           {QStringLiteral("data"), QJsonValue::Null}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace Liq::CoinGlassJson
