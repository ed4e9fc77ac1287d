#pragma once

#include <QString>

namespace Liq {

// How the latest hour's pace compares with the 24h average pace.
enum class Momentum { Unknown, Accelerating, Steady, Fading };

// Which side's liquidations dominate. A short squeeze is shorts being liquidated (forced buying);
// a long squeeze is longs being liquidated (forced selling, a "long flush").
enum class SqueezeSide { Balanced, ShortSqueeze, LongSqueeze };
enum class SqueezeLevel { None, Mild, Strong, Extreme };

// Stable keys used in JSON output and settings: "short_squeeze", "strong", "fading", ...
QString momentumKey(Momentum momentum);
QString squeezeSideKey(SqueezeSide side);
QString squeezeLevelKey(SqueezeLevel level);
// Words for people: "short squeeze", "strong", "fading", ...
QString squeezeSideText(SqueezeSide side);
QString squeezeLevelText(SqueezeLevel level);

} // namespace Liq
