#pragma once

#include "domain/liquidationevent.h"

#include <QHash>
#include <QString>

namespace Liq {

// How an instrument's size converts to dollars, from the exchange's instrument list.
struct ContractSpec
{
    double contractValue = 0; // Binance COIN-M contractSize (USD), OKX ctVal (coins or USD)
    bool inverse = false; // OKX ctType "inverse": ctVal is in USD; "linear": in coins
};
// Per instrument name as the stream sends it ("BTCUSD_PERP", "BTC-USDT-SWAP").
using ContractTable = QHash<QString, ContractSpec>;

namespace Instruments {

// The base asset of an instrument, which is what "per coin" means: BTCUSDT, BTCUSD_PERP,
// BTC-USDT-SWAP and BTC-USD-SWAP are all BTC. Empty when the name cannot be read.
QString binanceCoin(const QString &symbol);
QString bybitCoin(const QString &symbol);
QString okxCoin(const QString &instrumentOrFamily);

} // namespace Instruments
} // namespace Liq
