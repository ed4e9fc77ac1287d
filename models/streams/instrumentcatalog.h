#pragma once

#include "domain/liquidationevent.h"
#include "streams/instruments.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// The exchanges' instrument catalogues and the REST paths that serve them, as pure functions (no
// network): the transport fetches the URLs built here and hands the bodies to the parsers here, so the
// documented paths and response shapes live in one place and are tested without a connection.
namespace Liq::InstrumentCatalog {

// URL builders. The base is the REST host ("https://dapi.binance.com"); a path the base carries
// ("http://127.0.0.1:4321/mirror") is kept and the documented path appended to it. A base's own query
// and fragment are dropped. A market the endpoint does not serve gives an empty QUrl.

// GET /dapi/v1/exchangeInfo (Binance COIN-M: contractSize per symbol).
QUrl binanceCoinMExchangeInfoUrl(const QUrl &base);
// GET /v5/market/instruments-info?category=linear|inverse&limit=1000[&cursor=...]; market is Linear or
// Inverse. The cursor is opaque text, percent-encoded whole (Bybit's contain '=', '%' and ',').
QUrl bybitInstrumentsUrl(const QUrl &base, MarketKind market, const QString &cursor = QString());
// GET /api/v5/public/instruments?instType=SWAP|FUTURES; market is Swap or Futures.
QUrl okxInstrumentsUrl(const QUrl &base, MarketKind market);
// GET /api/v5/public/liquidation-orders?instType=...&instFamily=...&state=filled&limit=100[&after=ts]:
// one family per call (OKX requires it; an empty family gives an empty QUrl), newest first, afterMs
// pages older.
QUrl okxLiquidationHistoryUrl(const QUrl &base, MarketKind market, const QString &instFamily,
                              std::optional<qint64> afterMs = std::nullopt);

// Parsers. Each result has an empty problem on success; otherwise one sentence saying what is wrong
// and nothing else filled in: a body of the wrong shape is refused whole, never half-read.
// A size that is missing, empty text or not a positive finite number is skipped and counted (never
// guessed); a size of the wrong JSON type (object, array, bool) means the shape changed: refused.

struct BinanceContracts
{
    ContractTable contracts; // symbol ("BTCUSD_PERP") -> {contractSize in USD, inverse}
    int skipped = 0; // symbols left out for want of a usable contractSize
    QString problem;
};
// GET /dapi/v1/exchangeInfo: {"symbols":[{"symbol":"BTCUSD_PERP","contractSize":100,...}]}.
BinanceContracts parseBinanceCoinMExchangeInfo(QByteArrayView body);

struct BybitInstrumentPage
{
    QStringList symbols; // status "Trading" only, in the order listed
    QString nextCursor; // empty at the last page
    QString problem;
};
// One page of GET /v5/market/instruments-info: {"retCode":0,"retMsg":"OK","result":{"list":[...],
// "nextPageCursor":"..."}}; retCode other than 0 is a problem naming it and retMsg.
BybitInstrumentPage parseBybitInstrumentsPage(QByteArrayView body);

struct OkxInstruments
{
    ContractTable contracts; // instId -> {ctVal, inverse = ctType "inverse"}
    QStringList families; // instFamily (else uly) of the kept instruments: sorted, no duplicates
    int skipped = 0; // instruments left out: no usable ctVal, or a ctType neither linear nor inverse
    QString problem;
};
// GET /api/v5/public/instruments: {"code":"0","msg":"","data":[{"instId":...,"ctVal":"0.01",
// "ctType":"linear",...}]}; code other than "0" is a problem naming it and msg.
OkxInstruments parseOkxInstruments(QByteArrayView body);

// Subscriptions.

// allLiquidation.<SYMBOL> for each distinct symbol, spread over as few connections as the limit allows:
// each batch's args, written as the compact JSON array of strings they are sent in, stay UNDER
// maxArgsChars (Bybit refuses 21,000 and more). Batches are balanced and sorted. A topic too long
// for a connection on its own is left out: it could never be subscribed.
QList<QStringList> packBybitTopics(const QStringList &symbols, int maxArgsChars = 21000);
// {"req_id":"<id>","op":"subscribe","args":[...]} in compact JSON.
QByteArray bybitSubscribeFrame(const QStringList &topics, int requestId);
// {"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"},{... "FUTURES"}]}.
QByteArray okxSubscribeFrame();

} // namespace Liq::InstrumentCatalog
