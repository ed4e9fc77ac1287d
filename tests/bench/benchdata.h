#pragma once

#include "domain/liquidationsnapshot.h"

#include <QByteArray>

namespace Liq::Bench {

// Snapshots and inputs of a chosen size, made at bench time (nothing large is committed). The same
// variant always gives the same numbers, different variants give different numbers, so a benchmark
// that alternates them really changes what is on screen.
LiquidationSnapshot coinSnapshot(int coins, int variant);

// A CoinGlass v4 coin-list response with this many coins, amounts as numeric strings for half of
// the coins and as JSON numbers for the other half (both occur in real responses).
QByteArray coinGlassCoinList(int coins);

// A history file (JSON Lines of Liqscope snapshots with `coins` rows each) of at least targetBytes.
QByteArray historyJsonLines(qint64 targetBytes, int coins);

} // namespace Liq::Bench
