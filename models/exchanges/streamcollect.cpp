#include "exchanges/streamcollect.h"

#include "exchanges/exchangestreamsource.h"

#include <QEventLoop>
#include <QTimer>

namespace Liq {

StreamCollectResult collectStreams(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                                   int seconds)
{
    ExchangeStreamSource source(endpoint, options);
    StreamCollectResult result;
    QEventLoop loop;
    QTimer::singleShot(qint64(seconds) * 1000, &loop, &QEventLoop::quit);
    QObject::connect(&source, &LiveSource::statusChanged, &loop, [&](const LiveStatus &) {
        result.delivered = result.delivered || source.anyDelivered();
    });
    source.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    result.delivered = result.delivered || source.anyDelivered();
    result.snapshot = source.snapshot();
    result.status = source.status();
    source.pause();
    return result;
}

} // namespace Liq
