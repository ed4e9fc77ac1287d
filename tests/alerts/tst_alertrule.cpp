#include "alerts/alertrule.h"
#include "alerts/alertsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

Q_DECLARE_METATYPE(Liq::AlertRule)

namespace {

AlertRule parsed(const QString &text)
{
    AlertRuleError error;
    const auto rule = AlertRule::parse(text, &error);
    if (!rule)
        qWarning("%s", qPrintable(error.message));
    return rule.value_or(AlertRule());
}

AlertRule squeeze(SqueezeLevel level, std::optional<LiquidatedSide> side = std::nullopt)
{
    AlertRule rule;
    rule.kind = AlertKind::Squeeze;
    rule.level = level;
    rule.side = side;
    return rule;
}

AlertRule amountRule(AlertKind kind, double usd, std::optional<LiquidatedSide> side = std::nullopt)
{
    AlertRule rule;
    rule.kind = kind;
    rule.amountUsd = usd;
    rule.side = side;
    return rule;
}

AlertScope coinScope(const QString &coin)
{
    AlertScope scope;
    scope.kind = AlertScope::Kind::Coin;
    scope.coin = coin;
    return scope;
}

AlertScope exchangeScope(Exchange exchange)
{
    AlertScope scope;
    scope.kind = AlertScope::Kind::Exchange;
    scope.exchange = exchange;
    return scope;
}

} // namespace

class TestAlertRule final : public QObject
{
    Q_OBJECT

private slots:
    void parsesEachKind_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<AlertRule>("expected");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("squeeze") << "squeeze>=strong" << squeeze(SqueezeLevel::Strong) << "squeeze>=strong";
        AlertRule shortBtc = squeeze(SqueezeLevel::Mild, LiquidatedSide::Short);
        shortBtc.scope = coinScope(QStringLiteral("BTC"));
        QTest::newRow("squeeze side coin")
            << "squeeze>=mild:short@BTC" << shortBtc << "squeeze>=mild:short@BTC";
        QTest::newRow("squeeze case and spaces")
            << "  Squeeze >= MILD : Short @ btc " << shortBtc << "squeeze>=mild:short@BTC";
        QTest::newRow("liquidation") << "liquidation>=250k" << amountRule(AlertKind::Liquidation, 250e3)
                                     << "liquidation>=250k";
        QTest::newRow("liquidation dollar sign")
            << "liquidation>=$1.5M:long" << amountRule(AlertKind::Liquidation, 1.5e6, LiquidatedSide::Long)
            << "liquidation>=1.5M:long";
        QTest::newRow("liquidation plain dollars")
            << "liquidation>=999" << amountRule(AlertKind::Liquidation, 999) << "liquidation>=999";
        QTest::newRow("liquidation upper K")
            << "liquidation>=250K" << amountRule(AlertKind::Liquidation, 250e3) << "liquidation>=250k";
        QTest::newRow("liquidation 1000k is 1M")
            << "liquidation>=1000k" << amountRule(AlertKind::Liquidation, 1e6) << "liquidation>=1M";
        AlertRule total = amountRule(AlertKind::Total, 50e6);
        total.window = TimeWindow::H1;
        QTest::newRow("total") << "total:1h>=50M" << total << "total:1h>=50M";
        AlertRule totalShortOkx = amountRule(AlertKind::Total, 2e9, LiquidatedSide::Short);
        totalShortOkx.window = TimeWindow::H24;
        totalShortOkx.scope = exchangeScope(Exchange::Okx);
        QTest::newRow("total side exchange")
            << "total:24H>=2b:short@OKX" << totalShortOkx << "total:24h>=2B:short@okx";
        AlertRule cascade = amountRule(AlertKind::Cascade, 5e6, LiquidatedSide::Long);
        cascade.minutes = 5;
        QTest::newRow("cascade") << "cascade>=5M/5m:long" << cascade << "cascade>=5M/5m:long";
        AlertRule cascadeBybit = amountRule(AlertKind::Cascade, 12.5e6);
        cascadeBybit.minutes = 60;
        cascadeBybit.scope = exchangeScope(Exchange::Bybit);
        QTest::newRow("cascade exchange")
            << "cascade>=12.5m/60M@bybit" << cascadeBybit << "cascade>=12.5M/60m@bybit";
        AlertRule accelerating;
        accelerating.kind = AlertKind::Momentum;
        accelerating.momentum = Momentum::Accelerating;
        QTest::newRow("momentum") << "momentum=accelerating" << accelerating << "momentum=accelerating";
        AlertRule fadingEth = accelerating;
        fadingEth.momentum = Momentum::Fading;
        fadingEth.scope = coinScope(QStringLiteral("1000PEPE"));
        QTest::newRow("momentum fading coin")
            << "momentum=fading@1000pepe" << fadingEth << "momentum=fading@1000PEPE";
    }
    void parsesEachKind()
    {
        QFETCH(QString, text);
        QFETCH(AlertRule, expected);
        QFETCH(QString, canonical);
        const AlertRule rule = parsed(text);
        QCOMPARE(rule.toText(), canonical);
        QVERIFY(rule == expected);
        // The canonical text reads back as the same rule.
        QVERIFY(parsed(canonical) == expected);
        QCOMPARE(parsed(canonical).toText(), canonical);
    }

    void amountsRoundTrip_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        QTest::newRow("1") << 1.0 << "1";
        QTest::newRow("999") << 999.0 << "999";
        QTest::newRow("1k") << 1e3 << "1k";
        QTest::newRow("1234.567k") << 1234567.0 << "1234.567k";
        QTest::newRow("250k") << 250e3 << "250k";
        QTest::newRow("1.5M") << 1.5e6 << "1.5M";
        QTest::newRow("12.345M") << 12.345e6 << "12.345M";
        QTest::newRow("2B") << 2e9 << "2B";
        QTest::newRow("1.25B") << 1.25e9 << "1.25B";
    }
    void amountsRoundTrip()
    {
        QFETCH(double, usd);
        QFETCH(QString, text);
        QCOMPARE(ruleAmountText(usd), text);
        const AlertRule rule = parsed(QStringLiteral("liquidation>=") + text);
        QCOMPARE(rule.amountUsd, usd);
    }

    void amountsForPeople()
    {
        QCOMPARE(ruleAmountUsd(250e3), QStringLiteral("$250K"));
        QCOMPARE(ruleAmountUsd(1.5e6), QStringLiteral("$1.5M"));
        QCOMPARE(ruleAmountUsd(512), QStringLiteral("$512"));
    }

    void amountsAreWholeDollars()
    {
        QCOMPARE(parsed(QStringLiteral("liquidation>=1.0004k")).amountUsd, 1000.0);
        QCOMPARE(parsed(QStringLiteral("liquidation>=1.0006k")).amountUsd, 1001.0);
    }

    void refusesWithColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("problem");

        QTest::newRow("empty") << "" << 1 << "the rule is empty";
        QTest::newRow("blank") << "   " << 4 << "the rule is empty";
        QTest::newRow("unknown kind") << "squeze>=strong" << 1 << "expected squeeze, liquidation";
        QTest::newRow("no operator") << "squeeze strong" << 9 << "expected \">=\"";
        QTest::newRow("wrong operator") << "squeeze>strong" << 8 << "expected \">=\"";
        QTest::newRow("bad level") << "squeeze>=hot" << 10 << "expected a level (mild, strong or extreme)";
        QTest::newRow("none level") << "squeeze>=none" << 10 << "expected a level";
        QTest::newRow("bad side") << "squeeze>=mild:up" << 15 << "expected a side (long or short)";
        QTest::newRow("missing side") << "squeeze>=mild:" << 15 << "expected a side";
        QTest::newRow("no amount") << "liquidation>=" << 14 << "expected an amount in US dollars";
        QTest::newRow("letters for amount") << "liquidation>=lots" << 14 << "expected an amount";
        QTest::newRow("bad suffix") << "liquidation>=250x" << 17 << "expected k, M or B after the number";
        QTest::newRow("zero") << "liquidation>=0" << 14 << "the amount must be from $1";
        QTest::newRow("too large") << "liquidation>=99999B" << 14 << "the amount must be from $1";
        QTest::newRow("two dots") << "liquidation>=1.2.3M" << 14 << "expected an amount";
        QTest::newRow("total without window") << "total>=50M" << 6 << "expected \":\"";
        QTest::newRow("bad window") << "total:2h>=50M" << 7 << "expected a window (1h, 4h, 12h or 24h)";
        QTest::newRow("cascade without minutes") << "cascade>=5M" << 12 << "expected \"/\"";
        QTest::newRow("cascade minutes unit") << "cascade>=5M/5s" << 13 << "expected minutes from 1 to 60";
        QTest::newRow("cascade zero minutes") << "cascade>=5M/0m" << 13 << "expected minutes from 1 to 60";
        QTest::newRow("cascade too long") << "cascade>=5M/61m" << 13 << "expected minutes from 1 to 60";
        QTest::newRow("momentum operator") << "momentum>=accelerating" << 9 << "expected \"=\"";
        QTest::newRow("momentum value") << "momentum=steady" << 10 << "expected accelerating or fading";
        QTest::newRow("momentum side") << "momentum=fading:long" << 16 << "momentum takes no side";
        QTest::newRow("empty scope") << "squeeze>=strong@" << 17 << "expected a coin or an exchange";
        QTest::newRow("bad scope") << "squeeze>=strong@-" << 17 << "expected a coin or an exchange";
        QTest::newRow("scope too long")
            << "squeeze>=strong@ABCDEFGHIJKLMNOPQRSTUVWXYZ" << 17 << "expected a coin or an exchange";
        QTest::newRow("trailing text") << "squeeze>=strong now" << 17 << "expected the end of the rule";
        QTest::newRow("two scopes") << "squeeze>=strong@BTC@ETH" << 20 << "expected the end of the rule";
    }
    void refusesWithColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, problem);
        AlertRuleError error;
        QVERIFY(!AlertRule::parse(text, &error));
        QCOMPARE(error.column, column);
        // One sentence that names the rule as given and the column.
        const QString start = QStringLiteral("Alert rule \"%1\", column %2: ").arg(text).arg(column);
        QVERIFY2(error.message.startsWith(start), qPrintable(error.message));
        QVERIFY2(error.message.contains(problem), qPrintable(error.message));
        QVERIFY(error.message.endsWith(QLatin1Char('.')));
        QCOMPARE(error.message.count(QStringLiteral(". ")), 0);
    }

    void listOfRules()
    {
        QString error;
        const auto rules
            = parseAlertRules({QStringLiteral("squeeze>=strong"), QStringLiteral("liquidation>=1M")}, &error);
        QVERIFY(rules);
        QCOMPARE(rules->size(), 2);
        QCOMPARE(rules->at(1).toText(), QStringLiteral("liquidation>=1M"));
        QVERIFY(!parseAlertRules({QStringLiteral("squeeze>=strong"), QStringLiteral("total:1h>=x")}, &error));
        QCOMPARE(
            error,
            QStringLiteral("Alert rule \"total:1h>=x\", column 11: expected an amount in US dollars such "
                           "as 250k, 50M or 1.5B."));
        QVERIFY(parseAlertRules({}, &error)->isEmpty());
    }

    void refusesWithoutErrorOut() { QVERIFY(!AlertRule::parse(u"nonsense")); }

    void settingsKeepRulesInOrderWithTheirSwitch()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("liqscope.conf")), QSettings::IniFormat);
        const QList<AlertRuleSetting> rules{{parsed(QStringLiteral("squeeze>=strong:short@BTC")), true},
                                            {parsed(QStringLiteral("liquidation>=250k")), false},
                                            {parsed(QStringLiteral("cascade>=5M/5m:long@okx")), true}};
        AlertSettings::save(settings, rules);
        QCOMPARE(
            settings.value(QStringLiteral("alerts/rules")).toStringList(),
            (QStringList{QStringLiteral("squeeze>=strong:short@BTC"), QStringLiteral("liquidation>=250k"),
                         QStringLiteral("cascade>=5M/5m:long@okx")}));
        QVERIFY(AlertSettings::load(settings) == rules);
        QCOMPARE(AlertSettings::enabledRules(rules).size(), 2);
        QVERIFY(AlertSettings::enabledRules(rules).at(1) == rules.at(2).rule);

        // A text edited by hand into nonsense is skipped and said; a repeat is kept once.
        settings.setValue(QStringLiteral("alerts/rules"),
                          QStringList{QStringLiteral("squeeze>=hot"), QStringLiteral("momentum=fading"),
                                      QStringLiteral("Momentum = Fading")});
        QStringList problems;
        const QList<AlertRuleSetting> loaded = AlertSettings::load(settings, &problems);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.at(0).rule.toText(), QStringLiteral("momentum=fading"));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).contains(QStringLiteral("column 10")), qPrintable(problems.at(0)));
    }

    void scopeMatchesEvents()
    {
        LiquidationEvent event;
        event.exchange = Exchange::Bybit;
        event.coin = QStringLiteral("BTC");
        QVERIFY(AlertScope().matches(event));
        QVERIFY(coinScope(QStringLiteral("BTC")).matches(event));
        QVERIFY(!coinScope(QStringLiteral("ETH")).matches(event));
        QVERIFY(exchangeScope(Exchange::Bybit).matches(event));
        QVERIFY(!exchangeScope(Exchange::Okx).matches(event));
        QCOMPARE(exchangeScope(Exchange::Okx).displayName(), QStringLiteral("OKX"));
        QCOMPARE(exchangeScope(Exchange::Okx).key(), QStringLiteral("okx"));
    }
};

QTEST_GUILESS_MAIN(TestAlertRule)
#include "tst_alertrule.moc"
