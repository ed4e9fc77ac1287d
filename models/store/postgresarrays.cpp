#include "store/postgresarrays.h"

#include <QLocale>

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

} // namespace Liq::PostgresArrays
