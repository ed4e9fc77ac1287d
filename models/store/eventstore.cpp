#include "store/eventstore.h"

namespace Liq {

EventStore::EventStore(QObject *parent)
    : QObject(parent)
{ }

EventStore::~EventStore() = default;

} // namespace Liq
