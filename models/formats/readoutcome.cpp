#include "readoutcome.h"

namespace Liq {
namespace Formats {

ReadFailure ReadFailure::within(const QString &outer) const
{
    ReadFailure moved = *this;
    moved.where = joinWhere(outer, where);
    return moved;
}

ReadFailure failure(LoadErrorKind kind, const QString &what, const QString &where)
{
    return ReadFailure{kind, what, where};
}

QString joinWhere(const QString &outer, const QString &inner)
{
    if (outer.isEmpty())
        return inner;
    if (inner.isEmpty())
        return outer;
    return outer + QStringLiteral(", ") + inner;
}

QString originLabel(const QString &origin)
{
    return origin.isEmpty() ? QStringLiteral("input") : origin;
}

static QString singleLine(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return text;
}

QString composeMessage(const QString &origin, const QString &what, const QString &where)
{
    QString message = originLabel(origin) + QStringLiteral(": ") + what;
    if (!where.isEmpty())
        message += QStringLiteral(" (") + where + QLatin1Char(')');
    return singleLine(message);
}

LoadResult failedResult(const QString &origin, const ReadFailure &why)
{
    LoadResult result;
    result.error.kind = why.kind;
    result.error.message = composeMessage(origin, why.what, why.where);
    return result;
}

QString shownText(QStringView text, int maxChars)
{
    QString shown = text.left(maxChars).toString();
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = QChar(0xFFFD);
    }
    if (text.size() > maxChars)
        shown += QChar(0x2026); // ellipsis
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

QString shownText(const std::string &utf8, int maxChars)
{
    return shownText(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())), maxChars);
}

} // namespace Formats
} // namespace Liq
