#include "formats/exchangelistmerge.h"
#include "formattestsupport.h"

#include <QTest>
#include <QTimeZone>

using namespace Liq;
using namespace Liq::TestSupport;

Q_DECLARE_METATYPE(Liq::ExchangeListPart)

namespace {

const QString Origin = QStringLiteral("https://example.invalid/exchange-list");
const QDateTime AsOf(QDate(2026, 11, 20), QTime(14, 0), QTimeZone::utc());

// One window's response as a reader gives it: the totals and the exchanges for that window only.
ExchangeListPart part(TimeWindow window, SideAmounts totals,
                      const QList<std::pair<QString, SideAmounts>> &rows, const QDateTime &asOf = AsOf)
{
    ExchangeListPart made;
    made.window = window;
    made.where = QStringLiteral("window ") + windowLabel(window);
    made.snapshot.asOf = asOf;
    made.snapshot.source = QStringLiteral("CoinGlass exchange-list");
    made.snapshot.breakdownKind = BreakdownKind::Exchange;
    made.snapshot.totals.set(window, totals);
    for (const auto &[name, amounts] : rows) {
        BreakdownRow row{name, {}};
        row.amounts.set(window, amounts);
        made.snapshot.breakdown.append(row);
    }
    return made;
}

QList<ExchangeListPart> fourWindows()
{
    return {part(TimeWindow::H1, {1, 2}, {{u"OKX"_qs, {0.5, 1}}, {u"Binance"_qs, {0.5, 1}}}),
            part(TimeWindow::H4, {3, 4}, {{u"OKX"_qs, {1, 2}}, {u"Binance"_qs, {2, 2}}}),
            part(TimeWindow::H12, {5, 6}, {{u"Binance"_qs, {3, 3}}, {u"okx"_qs, {2, 3}}}),
            part(TimeWindow::H24, {7, 8}, {{u"Binance"_qs, {4, 4}}, {u"Bybit"_qs, {1, 1}}})};
}

} // namespace

class TestExchangeListMerge final : public QObject
{
    Q_OBJECT

private slots:
    void mergesTheWindowsInTheOrderOfTheLongest()
    {
        QList<ExchangeListPart> parts = fourWindows();
        parts.swapItemsAt(0, 3); // the order of the parts does not matter
        const LoadResult merged = mergeExchangeListWindows(parts, Origin);
        QVERIFY2(merged.ok(), qPrintable(merged.error.message));
        QVERIFY2(merged.warnings.isEmpty(), qPrintable(merged.warnings.join(u'\n')));
        const LiquidationSnapshot &snapshot = *merged.snapshot;
        LIQ_COMPARE_AMOUNTS(
            snapshot.totals,
            windows({SideAmounts{1, 2}, SideAmounts{3, 4}, SideAmounts{5, 6}, SideAmounts{7, 8}}));
        QCOMPARE(snapshot.breakdownKind, BreakdownKind::Exchange);
        QCOMPARE(snapshot.scope, u"All exchanges"_qs);
        QCOMPARE(snapshot.source, u"CoinGlass exchange-list"_qs);
        QCOMPARE(snapshot.asOf, AsOf);
        // The 24h ranking first (Binance, Bybit), then OKX, which only the shorter windows have;
        // names match whatever their case.
        QCOMPARE(snapshot.breakdown.size(), 3);
        QCOMPARE(snapshot.breakdown.at(0).name, u"Binance"_qs);
        QCOMPARE(snapshot.breakdown.at(1).name, u"Bybit"_qs);
        QCOMPARE(snapshot.breakdown.at(2).name, u"okx"_qs);
        LIQ_COMPARE_AMOUNTS(
            snapshot.breakdown.at(2).amounts,
            windows({SideAmounts{0.5, 1}, SideAmounts{1, 2}, SideAmounts{2, 3}, std::nullopt}));
        LIQ_COMPARE_AMOUNTS(snapshot.breakdown.at(1).amounts,
                            windows({std::nullopt, std::nullopt, std::nullopt, SideAmounts{1, 1}}));
    }

    void theAllRowIsNoExchangeAndTheLatestTimeWins()
    {
        QList<ExchangeListPart> parts = fourWindows();
        parts[1] = part(TimeWindow::H4, {3, 4}, {{u"All"_qs, {3, 4}}, {u"OKX"_qs, {1, 2}}}, AsOf.addSecs(60));
        const LoadResult merged = mergeExchangeListWindows(parts, Origin);
        QVERIFY2(merged.ok(), qPrintable(merged.error.message));
        QCOMPARE(merged.snapshot->breakdownRowNamed(u"All"), -1);
        QCOMPARE(merged.snapshot->asOf, AsOf.addSecs(60));
    }

    void aPartialCycleMergesTheWindowsItHas()
    {
        const LoadResult merged = mergeExchangeListWindows({fourWindows().at(1)}, Origin);
        QVERIFY2(merged.ok(), qPrintable(merged.error.message));
        LIQ_COMPARE_AMOUNTS(merged.snapshot->totals,
                            windows({std::nullopt, SideAmounts{3, 4}, std::nullopt, std::nullopt}));
    }

    void refusesWhatCannotBeMerged_data()
    {
        QTest::addColumn<QList<ExchangeListPart>>("parts");
        QTest::addColumn<LoadErrorKind>("kind");
        QTest::addColumn<QString>("message");

        QList<ExchangeListPart> twice = fourWindows();
        twice.append(part(TimeWindow::H4, {3, 4}, {}));
        twice.last().where = u"field h4"_qs;
        QTest::newRow("a window twice") << twice << LoadErrorKind::DuplicateKey
                                        << Origin + u": the 4h window is given twice (field h4)"_qs;

        QList<ExchangeListPart> unnamed = fourWindows();
        unnamed[2].window.reset();
        QTest::newRow("a part without its window")
            << unnamed << LoadErrorKind::MissingWindow
            << Origin + u": an exchange-list response without its window cannot be merged (window 12h)"_qs;

        QList<ExchangeListPart> empty = fourWindows();
        empty[0].snapshot.totals = {};
        QTest::newRow("a part without its figures")
            << empty << LoadErrorKind::MissingWindow
            << Origin + u": the 1h response has no 1h figures (window 1h)"_qs;

        QList<ExchangeListPart> sameExchange = fourWindows();
        sameExchange[3].snapshot.breakdown.append(sameExchange[3].snapshot.breakdown.first());
        sameExchange[3].snapshot.breakdown.last().name = u"BINANCE"_qs;
        QTest::newRow("an exchange twice in one window")
            << sameExchange << LoadErrorKind::DuplicateKey
            << Origin + u": the exchange \"BINANCE\" appears twice in the 24h window (window 24h)"_qs;

        QTest::newRow("nothing") << QList<ExchangeListPart>{} << LoadErrorKind::MissingWindow
                                 << Origin + u": there is no exchange-list window to merge"_qs;
    }

    void refusesWhatCannotBeMerged()
    {
        QFETCH(QList<ExchangeListPart>, parts);
        QFETCH(LoadErrorKind, kind);
        QFETCH(QString, message);
        const LoadResult merged = mergeExchangeListWindows(parts, Origin);
        QVERIFY(!merged.ok());
        QCOMPARE(merged.error.kind, kind);
        QCOMPARE(merged.error.message, message);
    }

    // The windows of one cycle can disagree (they are fetched one after the other): the merge says so once.
    void warnsWhenTheMergedWindowsAreNotNested()
    {
        QList<ExchangeListPart> parts = fourWindows();
        parts[0] = part(TimeWindow::H1, {10, 2}, {});
        const LoadResult merged = mergeExchangeListWindows(parts, Origin);
        QVERIFY2(merged.ok(), qPrintable(merged.error.message));
        QCOMPARE(merged.warnings.size(), 2); // longs and total
        QVERIFY2(merged.warnings.first().startsWith(
                     Origin + u": 1h long liquidations ($10.00) exceed the 4h ones"_qs),
                 qPrintable(merged.warnings.first()));
    }
};

QTEST_GUILESS_MAIN(TestExchangeListMerge)
#include "tst_exchangelistmerge.moc"
