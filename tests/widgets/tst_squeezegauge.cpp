#include "formats/snapshotfile.h"
#include "liqpalette.h"
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
    void needlePositionFollowsScore();
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

void tst_SqueezeGauge::needlePositionFollowsScore()
{
    // The needle is drawn in the text colour; find its column in the rendered track.
    const auto needleX = [](int side, int score) {
        SqueezeSignal signal;
        signal.side = side > 0 ? SqueezeSide::ShortSqueeze : SqueezeSide::LongSqueeze;
        signal.level = SqueezeLevel::Strong;
        signal.score = score;
        SqueezeGauge gauge;
        QPalette palette = gauge.palette();
        palette.setColor(QPalette::WindowText, QColor(255, 0, 255));
        gauge.setPalette(palette);
        gauge.resize(400, gauge.sizeHint().height());
        gauge.setSignal(signal);
        const QImage image = gauge.grab().toImage();
        int sum = 0;
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixelColor(x, y) == QColor(255, 0, 255)) {
                    sum += x;
                    ++count;
                }
            }
        }
        return count > 0 ? sum / count : -1;
    };
    const int left = needleX(-1, 90);
    const int right = needleX(+1, 90);
    const int nearCentre = needleX(+1, 10);
    QVERIFY(left >= 0 && right >= 0 && nearCentre >= 0);
    QVERIFY2(left < 120 && right > 280, qPrintable(QStringLiteral("%1 %2").arg(left).arg(right)));
    QVERIFY(nearCentre > 190 && nearCentre < 240);
}

QTEST_MAIN(tst_SqueezeGauge)
#include "tst_squeezegauge.moc"
