#include "domain/englishplurals.h"

#include <QCoreApplication>

#include <cstring>

namespace Liq {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
        return {}; // not counted, or nothing to choose: not ours
    QString text = QString::fromUtf8(sourceText);
    text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return text; // Qt puts the count in for %n afterwards
}

void EnglishPlurals::install()
{
    QCoreApplication::installTranslator(new EnglishPlurals(QCoreApplication::instance()));
}

} // namespace Liq
