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

// The momentum for a label: "Accelerating", "Steady", "Fading"; "—" when unknown.
QString momentumText(Momentum momentum);
// The sentence that reads the momentum: the last hour's rate against the 24h average rate (both USD
// per hour) and their ratio. Empty when the momentum is unknown.
QString momentumSentence(Momentum momentum, double hourRateUsd, double averageRateUsd, double ratio);
// "1.37×"
QString ratioText(double ratio);

} // namespace Liq
