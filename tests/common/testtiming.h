#pragma once

// Deadlines for tests that wait on real sockets and processes. Instrumented builds (ASan+UBSan) run
// several times slower, so what scales there is the time a test allows, never what it checks.
namespace Liq::TestTiming {

#ifdef LIQSCOPE_SANITIZED
inline constexpr bool Sanitized = true;
inline constexpr int Slowdown = 6;
#else
inline constexpr bool Sanitized = false;
inline constexpr int Slowdown = 1;
#endif

constexpr int scaledMs(int ms)
{
    return ms * Slowdown;
}

} // namespace Liq::TestTiming
