#include "formats/snapshotfile.h"
#include "squeezegauge.h"

#include <QImage>
#include <QTest>

using namespace Liq;

class tst_SqueezeGauge final : public QObject
{
    Q_OBJECT

private slots:
    void showsSideLevelAndScore_data();
    void showsSideLevelAndScore();
    void showsTheSampleAnalysis();
    void clearSaysNoData();
    void needleFollowsScore();
};

void tst_SqueezeGauge::showsSideLevelAndScore_data()
{
    QTest::addColumn<SqueezeSide>("side");
    QTest::addColumn<SqueezeLevel>("level");
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("sideWords");
    QTest::addColumn<int>("signedScore");
    QTest::newRow("strong short squeeze") << SqueezeSide::ShortSqueeze << SqueezeLevel::Strong << 69
                                          << squeezeSideText(SqueezeSide::ShortSqueeze) << 69;
    QTest::newRow("extreme long flush")
        << SqueezeSide::LongSqueeze << SqueezeLevel::Extreme << 91 << u"long flush"_qs << -91;
    QTest::newRow("mild long flush") << SqueezeSide::LongSqueeze << SqueezeLevel::Mild << 30
                                     << u"long flush"_qs << -30;
    QTest::newRow("balanced") << SqueezeSide::Balanced << SqueezeLevel::None << 5 << u"balanced"_qs << 0;
}

void tst_SqueezeGauge::showsSideLevelAndScore()
{
    QFETCH(SqueezeSide, side);
    QFETCH(SqueezeLevel, level);
    QFETCH(int, score);
    QFETCH(QString, sideWords);
    QFETCH(int, signedScore);

    SqueezeSignal signal;
    signal.side = side;
    signal.level = level;
    signal.score = score;
    SqueezeGauge gauge;
    gauge.setSignal(signal);

    QVERIFY2(gauge.sideText().contains(sideWords, Qt::CaseInsensitive), qPrintable(gauge.sideText()));
    const QString scoreText = QString::number(score);
    QVERIFY(gauge.detailText().contains(scoreText));
    if (level != SqueezeLevel::None)
        QVERIFY(gauge.detailText().contains(squeezeLevelText(level), Qt::CaseInsensitive));
    QCOMPARE(gauge.signedScore(), signedScore);

    // Readable without the picture: screen readers get side, level and score.
    const QString description = gauge.accessibleDescription();
    QVERIFY(description.contains(sideWords, Qt::CaseInsensitive));
    QVERIFY(description.contains(scoreText));
    QVERIFY(!gauge.accessibleName().isEmpty());
}

void tst_SqueezeGauge::showsTheSampleAnalysis()
{
    const LoadResult loaded = SnapshotFile::load(QStringLiteral(LIQSCOPE_SAMPLE_FILE));
    QVERIFY(loaded.ok());
    const MarketAnalysis analysis = analyzeSnapshot(*loaded.snapshot);
    SqueezeGauge gauge;
    gauge.setSignal(analysis.signal);
    // The sample is the published report of a short squeeze.
    QCOMPARE(analysis.signal.side, SqueezeSide::ShortSqueeze);
    QVERIFY(gauge.sideText().contains(squeezeSideText(analysis.signal.side), Qt::CaseInsensitive));
    QVERIFY(gauge.detailText().contains(squeezeLevelText(analysis.signal.level), Qt::CaseInsensitive));
    QVERIFY(gauge.accessibleDescription().contains(QString::number(analysis.signal.score)));
    QVERIFY(gauge.signedScore() > 0);
}

void tst_SqueezeGauge::clearSaysNoData()
{
    SqueezeGauge gauge;
    SqueezeSignal signal;
    signal.side = SqueezeSide::ShortSqueeze;
    signal.score = 80;
    gauge.setSignal(signal);
    gauge.clear();
    QVERIFY(!gauge.hasSignal());
    QCOMPARE(gauge.signedScore(), 0);
    QVERIFY(gauge.accessibleDescription().contains(u"No data"));
}

void tst_SqueezeGauge::needleFollowsScore()
{
    SqueezeGauge gauge;
    gauge.resize(400, gauge.sizeHint().height());
    QVERIFY(!gauge.needleTip());
    struct Needle
    {
        QPointF tip;
        QImage picture;
    };
    const auto needleFor = [&gauge](SqueezeSide side, int score) {
        SqueezeSignal signal;
        signal.side = side;
        signal.level = SqueezeLevel::Strong;
        signal.score = score;
        gauge.setSignal(signal);
        return Needle{gauge.needleTip().value_or(QPointF(-1, -1)), gauge.grab().toImage()};
    };
    const Needle left = needleFor(SqueezeSide::LongSqueeze, 90);
    const Needle right = needleFor(SqueezeSide::ShortSqueeze, 90);
    const Needle nearCentre = needleFor(SqueezeSide::ShortSqueeze, 10);

    QVERIFY2(left.tip.x() >= 0 && left.tip.x() < 120 && right.tip.x() > 280,
             qPrintable(QStringLiteral("%1 %2").arg(left.tip.x()).arg(right.tip.x())));
    QVERIFY2(nearCentre.tip.x() > 190 && nearCentre.tip.x() < 240,
             qPrintable(QString::number(nearCentre.tip.x())));
    QCOMPARE(left.tip.y(), right.tip.y());

    // The needle is drawn where the gauge says: just above each tip, the picture of that needle differs
    // from the two others, which agree there (the track alone).
    const Needle *needles[] = {&left, &right, &nearCentre};
    for (int i = 0; i < 3; ++i) {
        const QRect aboveTip(int(needles[i]->tip.x()) - 2, int(needles[i]->tip.y()) - 12, 5, 10);
        const QImage here = needles[i]->picture.copy(aboveTip);
        const QImage other = needles[(i + 1) % 3]->picture.copy(aboveTip);
        QCOMPARE(needles[(i + 2) % 3]->picture.copy(aboveTip), other);
        QVERIFY2(here != other, qPrintable(QString::number(i)));
    }
}

QTEST_MAIN(tst_SqueezeGauge)
#include "tst_squeezegauge.moc"
