#pragma once

#include "domain/liquidationsnapshot.h"

#include <QByteArray>

namespace Liq::CoinGlassJson {

// CoinGlass v4 envelopes, as the real API sends them ({"code":"0","msg":"success","data":...}).
QByteArray coinList(const LiquidationSnapshot &coins);
// One window: an "All" row with the totals, then one row per breakdown row.
QByteArray exchangeList(const LiquidationSnapshot &exchanges, TimeWindow window);
QByteArray error(const QString &code, const QString &message);

} // namespace Liq::CoinGlassJson
