#include "exchanges/bybitfeed.h"

#include "streams/bybitparser.h"
#include "streams/instrumentcatalog.h"

#include <QCoreApplication>

namespace Liq {
BybitFeed::BybitFeed(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                     QNetworkAccessManager *network)
    : ExchangeFeed(Exchange::Bybit, endpoint, options, network)
{ }

void BybitFeed::begin()
{
    m_linear.clear();
    m_inverse.clear();
    fetchCategory(MarketKind::Linear, [this] {
        fetchCategory(MarketKind::Inverse, [this] {
            setStage(LiveState::Connecting, {});
            addLinks(MarketKind::Linear, m_linear);
            addLinks(MarketKind::Inverse, m_inverse);
        });
    });
}

void BybitFeed::fetchCategory(MarketKind market, const std::function<void()> &done)
{
    const QUrl base = endpointUrl(ExchangeEndpoints::BybitRest);
    QStringList *symbols = market == MarketKind::Linear ? &m_linear : &m_inverse;
    fetchPages(
        [base, market](const QString &cursor) {
            return InstrumentCatalog::bybitInstrumentsUrl(base, market, cursor);
        },
        [symbols, market](const QByteArray &body, QString *problem) {
            const InstrumentCatalog::BybitInstrumentPage page
                = InstrumentCatalog::parseBybitInstrumentsPage(body);
            if (!page.problem.isEmpty()) {
                *problem
                    = tr("%1 instruments: %2")
                          .arg(market == MarketKind::Linear ? tr("linear") : tr("inverse"), page.problem);
                return QString();
            }
            *symbols << page.symbols;
            return page.nextCursor;
        },
        done);
}

void BybitFeed::addLinks(MarketKind market, const QStringList &symbols)
{
    const QList<QStringList> batches = InstrumentCatalog::packBybitTopics(symbols);
    const auto parser = std::make_shared<BybitParser>(market);
    const bool linear = market == MarketKind::Linear;
    for (int i = 0; i < batches.size(); ++i) {
        StreamLink::Config config;
        config.name
            = (linear ? tr("Bybit linear %1/%2") : tr("Bybit inverse %1/%2")).arg(i + 1).arg(batches.size());
        config.url
            = endpointUrl(linear ? ExchangeEndpoints::BybitLinearWs : ExchangeEndpoints::BybitInverseWs);
        config.subscribeFrames = {InstrumentCatalog::bybitSubscribeFrame(batches.at(i), i + 1)};
        config.keepaliveFrame = QByteArrayLiteral("{\"op\":\"ping\"}");
        config.keepaliveMs = 20'000;
        // Per-symbol topics: a connection of thinly traded symbols (and inverse above all) can be quiet.
        config.silenceMs = linear ? 10 * 60'000 : 30 * 60'000;
        addLink(config, parser);
    }
}

} // namespace Liq
