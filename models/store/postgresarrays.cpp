#include "store/postgresarrays.h"

#include <QLocale>
#include <QtEndian>

#include <cstring>

namespace Liq::PostgresArrays {

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString number(qint64 value)
{
    return QString::number(value);
}

QString number(int value)
{
    return QString::number(value);
}

QString quoted(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString literal(const QStringList &values)
{
    return QLatin1Char('{') + values.join(QLatin1Char(',')) + QLatin1Char('}');
}

namespace {

template<typename T>
void appendBigEndian(QByteArray &bytes, T value)
{
    const T big = qToBigEndian(value);
    bytes.append(reinterpret_cast<const char *>(&big), sizeof big);
}

} // namespace

BinaryArray::BinaryArray(Element element, qsizetype count)
{
    m_bytes.reserve(20 + count * 12);
    appendBigEndian(m_bytes, qint32(1)); // dimensions
    appendBigEndian(m_bytes, qint32(0)); // no nulls
    appendBigEndian(m_bytes, quint32(element));
    appendBigEndian(m_bytes, qint32(count));
    appendBigEndian(m_bytes, qint32(1)); // lower bound
}

void BinaryArray::append(qint16 value)
{
    appendBigEndian(m_bytes, qint32(sizeof value));
    appendBigEndian(m_bytes, value);
}

void BinaryArray::append(qint64 value)
{
    appendBigEndian(m_bytes, qint32(sizeof value));
    appendBigEndian(m_bytes, value);
}

void BinaryArray::append(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    appendBigEndian(m_bytes, qint32(sizeof bits));
    appendBigEndian(m_bytes, bits);
}

void BinaryArray::append(QByteArrayView utf8)
{
    appendBigEndian(m_bytes, qint32(utf8.size()));
    m_bytes.append(utf8.data(), utf8.size());
}

} // namespace Liq::PostgresArrays
