#include "usagetext.h"

#include <QCommandLineParser>

namespace Liq {

QString usageText(const QCommandLineParser &parser, const QString &program)
{
    QString text = parser.helpText();
    const qsizetype programEnd = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && programEnd > 0)
        text.replace(0, programEnd, QStringLiteral("Usage: ") + program);
    return text;
}

} // namespace Liq
