#pragma once

#include "alerts/alertrule.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Liq {

// How much an alert matters; delivery maps it to the desktop's urgency (freedesktop: 0, 1, 2).
//   squeeze       mild Low, strong Normal, extreme Critical (the level reached)
//   liquidation   Normal; Critical when the burst's sum is at least 4 times the rule's amount
//   total, cascade  Normal; Critical at twice the rule's amount
//   momentum      Low
enum class AlertUrgency { Low, Normal, Critical };

// "low", "normal", "critical".
QString alertUrgencyKey(AlertUrgency urgency);

// One alert, ready to deliver: what fired, why in our own words, and how much it matters.
struct Alert
{
    QString rule; // the rule's canonical text: "liquidation>=250k@BTC"
    AlertScope scope; // the rule's scope
    // The coin the alert is about, when there is one: the rule's coin, or the one coin of every
    // liquidation behind it (for a Show action that scopes the window); empty otherwise.
    QString coin;
    QString title; // "Strong short squeeze on BTC"
    QString body; // one or two sentences with the figures
    AlertUrgency urgency = AlertUrgency::Normal;
    QDateTime time; // UTC, when it fired
    // Liquidation and cascade alerts: how many liquidations, their sum, and the side that was (mostly)
    // liquidated; 0, 0 and nullopt for the others (a total names its side when the rule does).
    int count = 0;
    double sumUsd = 0;
    std::optional<LiquidatedSide> side;
};

// Builds the alert of a liquidation burst: count liquidations of at least the rule's amount, usd in
// all, over seconds; coin when all were of one coin.
struct LiquidationBurst
{
    int count = 0;
    int longCount = 0;
    double longUsd = 0;
    double shortUsd = 0;
    double largestUsd = 0;
    QString coin; // the one coin of all, or empty when several
    QString exchange; // the one exchange's name, or empty when several
    bool severalCoins = false;
    bool severalExchanges = false;
    qint64 firstMs = 0;
    qint64 lastMs = 0;

    void add(const LiquidationEvent &event, qint64 nowMs);
    double sumUsd() const { return longUsd + shortUsd; }
};
Alert burstAlert(const AlertRule &rule, const LiquidationBurst &burst, const QDateTime &time);

// The alert of a cascade: usd of one side liquidated within the rule's minutes, count liquidations.
Alert cascadeAlert(const AlertRule &rule, LiquidatedSide side, double usd, int count, const QDateTime &time);

} // namespace Liq
