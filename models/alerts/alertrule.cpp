#include "alertrule.h"

#include <QCoreApplication>

#include <array>
#include <cmath>
#include <iterator>
#include <type_traits>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::AlertRule", text);
}

constexpr double MaximumAmountUsd = 1e13;
constexpr int MaximumScopeLength = 24;

// Reads a rule left to right. Each read either advances or records the first problem with its column;
// once failed, every further read fails at once, so the grammar below reads as a plain sequence.
class RuleReader
{
public:
    explicit RuleReader(QStringView text)
        : m_text(text)
    { }

    bool failed() const { return !m_problem.isEmpty(); }
    bool atEnd()
    {
        skipSpaces();
        return m_pos >= m_text.size();
    }
    AlertRuleError error() const
    {
        const int column = int(m_problemPos) + 1;
        return {column,
                QCoreApplication::translate("Liq::AlertRule", "Alert rule \"%1\", column %2: %3.")
                    .arg(m_text.toString())
                    .arg(column)
                    .arg(m_problem)};
    }

    bool fail(const QString &problem) { return fail(problem, position()); }
    bool fail(const QString &problem, qsizetype at)
    {
        if (!failed()) {
            m_problem = problem;
            m_problemPos = at;
        }
        return false;
    }

    qsizetype position()
    {
        skipSpaces();
        return m_pos;
    }

    // The next run of letters and digits (may be empty).
    QStringView word()
    {
        const qsizetype start = position();
        qsizetype end = start;
        while (end < m_text.size() && m_text.at(end).isLetterOrNumber())
            ++end;
        m_pos = end;
        return m_text.mid(start, end - start);
    }

    // The literal (case-insensitive), or a failure naming it.
    bool expect(QStringView literal)
    {
        if (failed())
            return false;
        const qsizetype at = position();
        if (m_text.mid(at).startsWith(literal, Qt::CaseInsensitive)) {
            m_pos = at + literal.size();
            return true;
        }
        return fail(tr("expected \"%1\"").arg(literal.toString()), at);
    }

    // True (and consumed) when the literal comes next.
    bool accept(QStringView literal)
    {
        if (failed())
            return false;
        const qsizetype at = position();
        if (!m_text.mid(at).startsWith(literal, Qt::CaseInsensitive))
            return false;
        m_pos = at + literal.size();
        return true;
    }

    std::optional<double> amount();
    std::optional<int> minutes();

private:
    void skipSpaces()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    QString m_problem;
    qsizetype m_problemPos = 0;
};

double suffixFactor(QChar suffix)
{
    switch (suffix.toLower().unicode()) {
    case u'k': return 1e3;
    case u'm': return 1e6;
    case u'b': return 1e9;
    default: return 0;
    }
}

std::optional<double> RuleReader::amount()
{
    if (failed())
        return std::nullopt;
    const qsizetype start = position();
    const QString expected = tr("expected an amount in US dollars such as 250k, 50M or 1.5B");
    qsizetype pos = start;
    if (pos < m_text.size() && m_text.at(pos) == u'$')
        ++pos;
    const qsizetype numberStart = pos;
    while (pos < m_text.size() && (m_text.at(pos).isDigit() || m_text.at(pos) == u'.'))
        ++pos;
    bool ok = false;
    double value = m_text.mid(numberStart, pos - numberStart).toDouble(&ok);
    if (!ok || pos == numberStart) {
        fail(expected, start);
        return std::nullopt;
    }
    if (pos < m_text.size() && m_text.at(pos).isLetter()) {
        const double factor = suffixFactor(m_text.at(pos));
        if (factor == 0) {
            fail(tr("expected k, M or B after the number, not \"%1\"").arg(m_text.at(pos)), pos);
            return std::nullopt;
        }
        value *= factor;
        ++pos;
    }
    value = std::round(value);
    if (!(value >= 1 && value <= MaximumAmountUsd)) {
        fail(tr("the amount must be from $1 to $10000B"), start);
        return std::nullopt;
    }
    m_pos = pos;
    return value;
}

std::optional<int> RuleReader::minutes()
{
    if (failed())
        return std::nullopt;
    const qsizetype start = position();
    const QStringView text = word();
    bool ok = false;
    const int count = text.endsWith(u'm', Qt::CaseInsensitive) ? text.chopped(1).toInt(&ok) : 0;
    if (!ok || count < 1 || count > AlertRule::MaximumCascadeMinutes) {
        fail(tr("expected minutes from 1 to %1 such as 5m").arg(AlertRule::MaximumCascadeMinutes), start);
        return std::nullopt;
    }
    return count;
}

// The next word as one of values, spelled as keyOf spells it, in any case; otherwise a failure saying what
// was expected there.
template<typename Values, typename KeyOf>
auto readKeyword(RuleReader &reader, const Values &values, KeyOf keyOf, const QString &expected)
    -> std::optional<std::decay_t<decltype(*std::begin(values))>>
{
    const qsizetype at = reader.position();
    const QString text = reader.word().toString().toLower();
    for (const auto &value : values) {
        if (text == keyOf(value))
            return value;
    }
    reader.fail(expected, at);
    return std::nullopt;
}

std::optional<SqueezeLevel> readLevel(RuleReader &reader)
{
    constexpr std::array Levels{SqueezeLevel::Mild, SqueezeLevel::Strong, SqueezeLevel::Extreme};
    return readKeyword(reader, Levels, squeezeLevelKey, tr("expected a level (mild, strong or extreme)"));
}

std::optional<TimeWindow> readWindow(RuleReader &reader)
{
    return readKeyword(reader, AllTimeWindows, windowLabel, tr("expected a window (1h, 4h, 12h or 24h)"));
}

std::optional<Momentum> readMomentum(RuleReader &reader)
{
    constexpr std::array Momenta{Momentum::Accelerating, Momentum::Fading};
    return readKeyword(reader, Momenta, momentumKey, tr("expected accelerating or fading"));
}

// [:long|:short]
std::optional<LiquidatedSide> readSide(RuleReader &reader)
{
    if (!reader.accept(u":"))
        return std::nullopt;
    const qsizetype at = reader.position();
    const QString text = reader.word().toString().toLower();
    if (text == u"long")
        return LiquidatedSide::Long;
    if (text == u"short")
        return LiquidatedSide::Short;
    reader.fail(tr("expected a side (long or short)"), at);
    return std::nullopt;
}

// [@COIN|@exchange]
AlertScope readScope(RuleReader &reader)
{
    AlertScope scope;
    if (!reader.accept(u"@"))
        return scope;
    const qsizetype at = reader.position();
    const QStringView name = reader.word();
    if (name.isEmpty() || name.size() > MaximumScopeLength) {
        reader.fail(tr("expected a coin or an exchange (binance, bybit or okx) after \"@\""), at);
        return scope;
    }
    if (const auto exchange = exchangeFromKey(name.toString().toLower())) {
        scope.kind = AlertScope::Kind::Exchange;
        scope.exchange = *exchange;
    } else {
        scope.kind = AlertScope::Kind::Coin;
        scope.coin = name.toString().toUpper();
    }
    return scope;
}

std::optional<AlertKind> readKind(RuleReader &reader)
{
    const qsizetype at = reader.position();
    const QString text = reader.word().toString().toLower();
    for (AlertKind kind : {AlertKind::Squeeze, AlertKind::Liquidation, AlertKind::Total, AlertKind::Cascade,
                           AlertKind::Momentum}) {
        if (text == alertKindKey(kind))
            return kind;
    }
    reader.fail(tr("expected squeeze, liquidation, total, cascade or momentum"), at);
    return std::nullopt;
}

// Everything between the kind and the scope.
void readCondition(RuleReader &reader, AlertRule &rule)
{
    switch (rule.kind) {
    case AlertKind::Squeeze:
        reader.expect(u">=");
        rule.level = readLevel(reader).value_or(SqueezeLevel::None);
        rule.side = readSide(reader);
        break;
    case AlertKind::Liquidation:
        reader.expect(u">=");
        rule.amountUsd = reader.amount().value_or(0);
        rule.side = readSide(reader);
        break;
    case AlertKind::Total:
        reader.expect(u":");
        rule.window = readWindow(reader).value_or(TimeWindow::H1);
        reader.expect(u">=");
        rule.amountUsd = reader.amount().value_or(0);
        rule.side = readSide(reader);
        break;
    case AlertKind::Cascade:
        reader.expect(u">=");
        rule.amountUsd = reader.amount().value_or(0);
        reader.expect(u"/");
        rule.minutes = reader.minutes().value_or(0);
        rule.side = readSide(reader);
        break;
    case AlertKind::Momentum:
        reader.expect(u"=");
        rule.momentum = readMomentum(reader).value_or(Momentum::Unknown);
        break;
    }
}

} // namespace

QString alertKindKey(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Squeeze: return QStringLiteral("squeeze");
    case AlertKind::Liquidation: return QStringLiteral("liquidation");
    case AlertKind::Total: return QStringLiteral("total");
    case AlertKind::Cascade: return QStringLiteral("cascade");
    case AlertKind::Momentum: return QStringLiteral("momentum");
    }
    return {};
}

QString liquidatedSideKey(LiquidatedSide side)
{
    return side == LiquidatedSide::Long ? QStringLiteral("long") : QStringLiteral("short");
}

QString AlertScope::key() const
{
    switch (kind) {
    case Kind::Market: break;
    case Kind::Coin: return coin;
    case Kind::Exchange: return exchangeKey(exchange);
    }
    return {};
}

QString AlertScope::displayName() const
{
    switch (kind) {
    case Kind::Market: break;
    case Kind::Coin: return coin;
    case Kind::Exchange: return exchangeName(exchange);
    }
    return {};
}

bool AlertScope::matches(const LiquidationEvent &event) const
{
    switch (kind) {
    case Kind::Market: break;
    case Kind::Coin: return event.coin.compare(coin, Qt::CaseInsensitive) == 0;
    case Kind::Exchange: return event.exchange == exchange;
    }
    return true;
}

QString ruleAmountText(double usd)
{
    const auto whole = qint64(std::llround(usd));
    static const struct
    {
        qint64 unit;
        char suffix;
    } units[] = {{1000000000, 'B'}, {1000000, 'M'}, {1000, 'k'}};
    for (const auto &unit : units) {
        // At most three decimals, so the text is exact.
        if (whole >= unit.unit && whole % (unit.unit / 1000) == 0)
            return QString::number(double(whole) / double(unit.unit), 'g', 15) + QLatin1Char(unit.suffix);
    }
    return QString::number(whole);
}

QString ruleAmountUsd(double usd)
{
    QString text = ruleAmountText(usd);
    if (text.endsWith(u'k'))
        text.back() = u'K';
    return QLatin1Char('$') + text;
}

std::optional<AlertRule> AlertRule::parse(QStringView text, AlertRuleError *error)
{
    RuleReader reader(text);
    AlertRule rule;
    if (reader.atEnd())
        reader.fail(tr("the rule is empty"));
    else if (const auto kind = readKind(reader))
        rule.kind = *kind;
    readCondition(reader, rule);
    rule.scope = readScope(reader);
    if (!reader.failed() && !reader.atEnd()) {
        const QString problem = rule.kind == AlertKind::Momentum
            ? tr("expected the end of the rule or \"@\" and a scope (momentum takes no side)")
            : tr("expected the end of the rule, or \":\" and a side, or \"@\" and a scope");
        reader.fail(problem);
    }
    if (reader.failed()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return rule;
}

std::optional<QList<AlertRule>> parseAlertRules(const QStringList &texts, QString *error)
{
    QList<AlertRule> rules;
    for (const QString &text : texts) {
        AlertRuleError problem;
        const auto rule = AlertRule::parse(text, &problem);
        if (!rule) {
            if (error)
                *error = problem.message;
            return std::nullopt;
        }
        rules << *rule;
    }
    return rules;
}

QString AlertRule::toText() const
{
    QString text = alertKindKey(kind);
    switch (kind) {
    case AlertKind::Squeeze: text += QStringLiteral(">=") + squeezeLevelKey(level); break;
    case AlertKind::Liquidation: text += QStringLiteral(">=") + ruleAmountText(amountUsd); break;
    case AlertKind::Total:
        text += QLatin1Char(':') + windowLabel(window) + QStringLiteral(">=") + ruleAmountText(amountUsd);
        break;
    case AlertKind::Cascade:
        text += QStringLiteral(">=") + ruleAmountText(amountUsd) + QLatin1Char('/') + QString::number(minutes)
            + QLatin1Char('m');
        break;
    case AlertKind::Momentum: text += QLatin1Char('=') + momentumKey(momentum); break;
    }
    if (side && kind != AlertKind::Momentum)
        text += QLatin1Char(':') + liquidatedSideKey(*side);
    if (!scope.isMarket())
        text += QLatin1Char('@') + scope.key();
    return text;
}

} // namespace Liq
