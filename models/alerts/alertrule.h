#pragma once

#include "analysis/analysisterms.h"
#include "domain/liquidationevent.h"
#include "domain/timewindow.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Liq {

// What an alert rule watches. The text form of each is documented at AlertRule and in the README.
enum class AlertKind { Squeeze, Liquidation, Total, Cascade, Momentum };

// What part of the market a rule looks at: all of it, one coin, or one exchange.
struct AlertScope
{
    enum class Kind { Market, Coin, Exchange };
    Kind kind = Kind::Market;
    QString coin; // upper case ("BTC"), when kind is Coin
    Exchange exchange = Exchange::Binance; // when kind is Exchange

    bool isMarket() const { return kind == Kind::Market; }
    // As written after '@' in a rule: "BTC", "binance"; empty for the whole market.
    QString key() const;
    // For people: "BTC", "Binance"; empty for the whole market.
    QString displayName() const;
    // True when the liquidation is in this scope (always for the whole market).
    bool matches(const LiquidationEvent &event) const;

    friend bool operator==(const AlertScope &a, const AlertScope &b)
    {
        return a.kind == b.kind && a.coin == b.coin && (a.kind != Kind::Exchange || a.exchange == b.exchange);
    }
    friend bool operator!=(const AlertScope &a, const AlertScope &b) { return !(a == b); }
};

// Why a rule's text was refused: the column (1-based, in the text as given) and one sentence that
// names the rule and the column: `Alert rule "squeeze>=hot", column 10: expected a level (mild, strong
// or extreme).`
struct AlertRuleError
{
    int column = 0;
    QString message;
};

// One alert rule, parsed from and written to one text form (the command line's --alert, the settings,
// the rules editor). Keywords are case-insensitive and spaces between the parts are allowed:
//
//   squeeze>=LEVEL[:SIDE]            the squeeze signal reaches mild, strong or extreme; SIDE is the side
//                                    squeezed (short: shorts being liquidated, a short squeeze)
//   liquidation>=AMOUNT[:SIDE]       one liquidation of at least AMOUNT
//   total:WINDOW>=AMOUNT[:SIDE]      the 1h, 4h, 12h or 24h total (of one side) reaches AMOUNT
//   cascade>=AMOUNT/MINUTESm[:SIDE]  at least AMOUNT of one side liquidated within 1 to 60 minutes
//   momentum=accelerating|fading     the last hour's pace against the 24h average turns so
//
// each optionally followed by @SCOPE: a coin (@BTC) or an exchange (@binance, @bybit, @okx). SIDE is
// long or short: the positions liquidated. AMOUNT is US dollars, whole or with k, M or B (250k, 1.5M,
// 2B), an optional leading '$'; at least $1, rounded to whole dollars.
struct AlertRule
{
    AlertKind kind = AlertKind::Squeeze;
    SqueezeLevel level = SqueezeLevel::None; // Squeeze
    std::optional<LiquidatedSide> side; // the side liquidated; any when nullopt (not for Momentum)
    double amountUsd = 0; // Liquidation, Total, Cascade: whole dollars
    TimeWindow window = TimeWindow::H1; // Total
    int minutes = 0; // Cascade
    Momentum momentum = Momentum::Unknown; // Momentum: Accelerating or Fading
    AlertScope scope;

    static constexpr int MaximumCascadeMinutes = 60;

    // The rule, or nullopt with *error (when given) saying what is wrong and where.
    static std::optional<AlertRule> parse(QStringView text, AlertRuleError *error = nullptr);
    // The canonical text: parse(toText()) gives the same rule back.
    QString toText() const;

    friend bool operator==(const AlertRule &a, const AlertRule &b)
    {
        return a.kind == b.kind && a.level == b.level && a.side == b.side && a.amountUsd == b.amountUsd
            && a.window == b.window && a.minutes == b.minutes && a.momentum == b.momentum
            && a.scope == b.scope;
    }
    friend bool operator!=(const AlertRule &a, const AlertRule &b) { return !(a == b); }
};

// Each text a rule, in order (the repeated --alert of liqscope and liqscope-collect); nullopt with the
// first refusal's message in *error.
std::optional<QList<AlertRule>> parseAlertRules(const QStringList &texts, QString *error);

// "squeeze", "liquidation", "total", "cascade", "momentum".
QString alertKindKey(AlertKind kind);
// An amount as rules write it: 250000 -> "250k", 1500000 -> "1.5M", 2e9 -> "2B", 999 -> "999".
QString ruleAmountText(double usd);
// The same for people: "$250K", "$1.5M".
QString ruleAmountUsd(double usd);
// "long" or "short" (the keys of rules and JSON).
QString liquidatedSideKey(LiquidatedSide side);

} // namespace Liq
