#pragma once

#include "domain/liquidationevent.h"

#include <QByteArray>
#include <QByteArrayView>
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

// PostgreSQL's binary form of a one-dimensional array without nulls (what array_recv reads), for a
// parameter sent in binary: no number printed here and parsed there, no quoting of text.
class BinaryArray
{
public:
    enum Element : quint32 { Int2 = 21, Int8 = 20, Float8 = 701, Text = 25 }; // the element types' OIDs

    BinaryArray(Element element, qsizetype count);
    void append(qint16 value);
    void append(qint64 value);
    void append(double value);
    void append(QByteArrayView utf8);
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// One column of the events in binary: format(event) for each (qint16, qint64, double or UTF-8 bytes).
template<typename Format>
QByteArray binaryColumn(const QList<LiquidationEvent> &events, BinaryArray::Element element, Format format)
{
    BinaryArray array(element, events.size());
    for (const LiquidationEvent &event : events)
        array.append(format(event));
    return array.bytes();
}

} // namespace Liq::PostgresArrays
