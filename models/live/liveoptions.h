#pragma once

#include <QtGlobal>

namespace Liq {

// How a live source behaves on the network. Every field has a safe default; the user changes the
// interval and the plain-transport allowance, tests shorten the times.
struct LiveOptions
{
    static constexpr int MinimumIntervalMs = 1000;
    static constexpr qint64 DefaultMaxBytes = qint64(32) * 1024 * 1024;

    int intervalMs = 10'000; // polling sources; clamped to MinimumIntervalMs
    int timeoutMs = 15'000; // a whole request, including a slow body
    qint64 maxBytes = DefaultMaxBytes; // a response or message larger than this is refused
    int backoffInitialMs = 2'000; // first retry delay; doubles per failure, with jitter
    int backoffMaxMs = 5 * 60'000;
    // Exchange streams: 0 keeps each protocol's own timing (documented in exchanges/); tests shorten them.
    int streamSilenceMs = 0; // nothing received on an open stream for this long: Silent, reconnect
    int streamKeepaliveMs = 0; // the interval of our keepalive messages
    bool allowPlain = false; // plain http:// or ws:// to a host that is not this computer
};

} // namespace Liq
