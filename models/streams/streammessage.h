#pragma once

#include "domain/liquidationevent.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Liq {

// What one message of an exchange stream turned out to be, after parsing and checking.
struct StreamMessage
{
    enum class Kind {
        Events, // liquidations (possibly none, e.g. an order that filled nothing)
        Subscribed, // a subscription was acknowledged
        SubscribeError, // a subscription was refused: problem says why
        Pong, // the answer to our keepalive
        Ignored, // a well-formed message of no interest (another event type, a heartbeat)
        Bad, // not JSON, wrong types, NaN, a negative size, a time too far off: counted and dropped
    };
    Kind kind = Kind::Ignored;
    QList<LiquidationEvent> events;
    QString problem; // Bad and SubscribeError: what was wrong, in plain words
    // Liquidations of instruments with no known contract size: counted and reported, never sized
    // with a guess (they are not in events).
    int unknownInstruments = 0;
    QString unknownInstrument; // the first of them, for the report
    // A history page held events older than the longest window (skipped): paging further back is useless.
    bool reachedAgeLimit = false;

    static StreamMessage bad(const QString &problem);
};

// The checks every event passes before it may count (the same for every exchange).
struct EventCheck
{
    static constexpr qint64 MaxFutureMs = 5 * 60 * 1000; // the exchange's clock may run ahead this much
    static constexpr qint64 MaxAgeMs = 24 * 3600 * 1000; // older than the longest window: useless

    // Empty when the event may count; otherwise why not.
    static QString problem(const LiquidationEvent &event);
};

// A stream's payload parser: one exchange protocol, no transport (PlotJuggler's MessageParser).
class StreamParser
{
public:
    virtual ~StreamParser();
    virtual StreamMessage parse(QByteArrayView text, qint64 receiveTimeMs) const = 0;
};

} // namespace Liq
