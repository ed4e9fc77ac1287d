#pragma once

#include "domain/liquidationevent.h"

#include <QList>
#include <QString>
#include <QStringList>

// Array literals ('{…}') for PostgreSQL's unnest(): a batch goes to the server as one parameter per column
// instead of one per value, which it plans in a fraction of the time of a multi-row VALUES list.
namespace Liq::PostgresArrays {

// Numbers as the shortest text that reads back the same double (so the unique key compares what a
// bound double stored); text quoted and escaped.
QString number(double value);
QString number(qint64 value);
QString number(int value);
QString quoted(QString text);
QString literal(const QStringList &values);

// One column of the events: format(event) for each, as an array literal.
template<typename Format>
QString column(const QList<LiquidationEvent> &events, Format format)
{
    QStringList values;
    values.reserve(events.size());
    for (const LiquidationEvent &event : events)
        values << format(event);
    return literal(values);
}

} // namespace Liq::PostgresArrays
