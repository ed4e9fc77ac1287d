#include "live/livesource.h"

namespace Liq {

LiveSource::LiveSource(QObject *parent)
    : QObject(parent)
{ }

LiveSource::~LiveSource() = default;

} // namespace Liq
