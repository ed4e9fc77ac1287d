#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace Liq {

// What the feed is doing, as the live badge shows it.
enum class FeedState {
    Idle, // not started
    Connecting, // a request is out and no data is flowing yet
    Live, // the last cycle brought a new snapshot
    Unchanged, // the last cycle brought the same data (HTTP 304 or an identical body)
    Stale, // the last cycle failed; the last good snapshot is kept and a retry is scheduled
    Error, // a failure retrying cannot fix (bad key, TLS, refused URL): polling stopped
    Retrying, // the last cycle failed, no good snapshot yet, a retry is scheduled
    Paused, // stopped by the user
};

// "idle", "live", "stale", ... (stable keys for logs and tests).
QString feedStateKey(FeedState state);
// "Live", "Stale", ... (words for the badge).
QString feedStateText(FeedState state);

struct FeedStatus
{
    FeedState state = FeedState::Idle;
    // Plain words: why the last cycle failed, or a note (slowing down near the API quota). Never a secret.
    QString message;
    int httpStatus = 0; // status of the last response, 0 when none arrived
    QDateTime lastSuccessAt; // when the last good snapshot arrived (UTC); invalid when none did
    QDateTime nextAttemptAt; // when the next request goes out (UTC); invalid when none is scheduled
    int consecutiveFailures = 0;

    // One line for the badge tooltip / status bar: "Stale: data 2 min old, retrying in 8 s (HTTP 500 ...)".
    QString describe(const QDateTime &now) const;
};

// Where the data comes from.
enum class FeedSourceKind {
    SnapshotUrl, // any URL whose body SnapshotReader reads (Liqscope snapshot, CoinGlass response, CSV)
    CoinGlass, // the CoinGlass v4 API: base URL + key
};

// What a CoinGlass feed asks for.
enum class CoinGlassView {
    Coins, // coin-list?exchange=E: one request per cycle, per-coin breakdown on one exchange
    Exchanges, // exchange-list?range=W for the four windows: all exchanges, per-exchange breakdown
};

struct FeedEndpoint
{
    FeedSourceKind kind = FeedSourceKind::SnapshotUrl;
    QUrl url; // the snapshot URL, or the CoinGlass base URL ("https://open-api-v4.coinglass.com")
    QString apiKey; // CoinGlass only; sent as CG-API-KEY and never shown anywhere
    CoinGlassView view = CoinGlassView::Coins;
    QString exchange = QStringLiteral("Binance"); // for CoinGlassView::Coins

    static FeedEndpoint snapshotUrl(const QUrl &url);
    static FeedEndpoint coinGlass(const QUrl &baseUrl, const QString &apiKey,
                                  CoinGlassView view = CoinGlassView::Coins,
                                  const QString &exchange = QStringLiteral("Binance"));
};

struct FeedOptions
{
    static constexpr int MinimumIntervalMs = 1000;
    static constexpr qint64 DefaultMaxBytes = qint64(32) * 1024 * 1024;

    int intervalMs = 10'000; // clamped to MinimumIntervalMs
    int timeoutMs = 15'000; // whole request, including a slow body
    qint64 maxBytes = DefaultMaxBytes;
    int backoffInitialMs = 2'000; // first retry delay; doubles per failure, with jitter
    int backoffMaxMs = 5 * 60'000;
    bool allowPlainHttp = false; // plain HTTP to a non-loopback host
};

} // namespace Liq
