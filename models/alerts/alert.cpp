#include "alert.h"

#include "domain/duration.h"
#include "domain/money.h"

#include <QCoreApplication>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::Alert", text);
}

QString trCount(const char *text, int count)
{
    return QCoreApplication::translate("Liq::Alert", text, nullptr, count);
}

// "on BTC", "on Bybit", "on BTC on Bybit" or empty: where the liquidations were.
QString whereText(const QString &coin, const QString &exchange)
{
    if (!coin.isEmpty() && !exchange.isEmpty())
        return tr(" on %1 on %2").arg(coin, exchange);
    if (!coin.isEmpty() || !exchange.isEmpty())
        return tr(" on %1").arg(coin.isEmpty() ? exchange : coin);
    return {};
}

// "all longs", "mostly shorts" (two thirds of the dollars or more), "longs and shorts".
QString sidesText(double longUsd, double shortUsd)
{
    const double sum = longUsd + shortUsd;
    if (shortUsd <= 0)
        return tr("all longs");
    if (longUsd <= 0)
        return tr("all shorts");
    if (longUsd >= sum * 2 / 3)
        return tr("mostly longs");
    if (shortUsd >= sum * 2 / 3)
        return tr("mostly shorts");
    return tr("longs and shorts");
}

QString sideWord(LiquidatedSide side)
{
    return side == LiquidatedSide::Long ? tr("long") : tr("short");
}

} // namespace

QString alertUrgencyKey(AlertUrgency urgency)
{
    switch (urgency) {
    case AlertUrgency::Low: return QStringLiteral("low");
    case AlertUrgency::Normal: return QStringLiteral("normal");
    case AlertUrgency::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("normal");
}

void LiquidationBurst::add(const LiquidationEvent &event, qint64 nowMs)
{
    if (count == 0) {
        firstMs = nowMs;
        coin = event.coin;
        exchange = exchangeName(event.exchange);
    }
    lastMs = nowMs;
    ++count;
    if (event.side == LiquidatedSide::Long) {
        ++longCount;
        longUsd += event.usd;
    } else {
        shortUsd += event.usd;
    }
    largestUsd = std::max(largestUsd, event.usd);
    severalCoins = severalCoins || event.coin.compare(coin, Qt::CaseInsensitive) != 0;
    severalExchanges = severalExchanges || exchangeName(event.exchange) != exchange;
}

Alert burstAlert(const AlertRule &rule, const LiquidationBurst &burst, const QDateTime &time)
{
    Alert alert;
    alert.rule = rule.toText();
    alert.scope = rule.scope;
    alert.coin = rule.scope.kind == AlertScope::Kind::Coin ? rule.scope.coin
        : burst.severalCoins                               ? QString()
                                                           : burst.coin;
    alert.time = time;
    alert.count = burst.count;
    alert.sumUsd = burst.sumUsd();
    alert.side = burst.longUsd >= burst.shortUsd ? LiquidatedSide::Long : LiquidatedSide::Short;
    alert.urgency = alert.sumUsd >= 4 * rule.amountUsd ? AlertUrgency::Critical : AlertUrgency::Normal;
    const QString where = whereText(alert.coin, burst.severalExchanges ? QString() : burst.exchange);
    // The title names the coin, or the exchange the rule watches.
    const QString titleWhere = whereText(alert.coin.isEmpty() && rule.scope.kind == AlertScope::Kind::Exchange
                                             ? rule.scope.displayName()
                                             : alert.coin,
                                         {});
    if (burst.count == 1) {
        alert.title = tr("Liquidation of %1%2").arg(formatUsd(alert.sumUsd), titleWhere);
        alert.body = tr("A %1 position of %2 was liquidated%3.")
                         .arg(sideWord(*alert.side), formatUsd(alert.sumUsd), where);
        return alert;
    }
    const qint64 seconds = std::max<qint64>(1, (burst.lastMs - burst.firstMs + 999) / 1000);
    alert.title = trCount("%n liquidations of %1 or more%2", burst.count)
                      .arg(ruleAmountUsd(rule.amountUsd), titleWhere);
    alert.body
        = trCount("%n liquidations of %1 or more%2 in %3: %4 in all, %5; the largest %6.", burst.count)
              .arg(ruleAmountUsd(rule.amountUsd), where, formatDuration(seconds), formatUsd(alert.sumUsd),
                   sidesText(burst.longUsd, burst.shortUsd), formatUsd(burst.largestUsd));
    return alert;
}

Alert cascadeAlert(const AlertRule &rule, LiquidatedSide side, double usd, int count, const QDateTime &time)
{
    Alert alert;
    alert.rule = rule.toText();
    alert.scope = rule.scope;
    alert.coin = rule.scope.kind == AlertScope::Kind::Coin ? rule.scope.coin : QString();
    alert.time = time;
    alert.count = count;
    alert.sumUsd = usd;
    alert.side = side;
    alert.urgency = usd >= 2 * rule.amountUsd ? AlertUrgency::Critical : AlertUrgency::Normal;
    const QString where = whereText(rule.scope.displayName(), {});
    alert.title = (side == LiquidatedSide::Long ? tr("Long liquidation cascade%1")
                                                : tr("Short liquidation cascade%1"))
                      .arg(where);
    alert.body = (side == LiquidatedSide::Long
                      ? trCount("%1 of longs liquidated%2 within %3 (%n liquidations).", count)
                      : trCount("%1 of shorts liquidated%2 within %3 (%n liquidations).", count))
                     .arg(formatUsd(usd), where, formatDuration(qint64(rule.minutes) * 60));
    return alert;
}

} // namespace Liq
