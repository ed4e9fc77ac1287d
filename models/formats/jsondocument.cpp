#include "jsondocument.h"

#include "numbertext.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

namespace Liq {
namespace Formats {

namespace {

struct FoundToken
{
    QString text; // "unexpected '}'", "invalid literal", ...
    bool insideToken = false; // the token itself is malformed (a string or number), not out of place
    std::size_t start = 0; // where the token begins
};

// Where the string that offset lies in begins (npos: offset is outside strings). A scan from the start,
// on failures only.
std::size_t openStringAt(std::string_view text, std::size_t offset)
{
    std::size_t open = std::string_view::npos;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '"')
            open = open == std::string_view::npos ? i : std::string_view::npos;
        else if (open != std::string_view::npos && text[i] == '\\')
            ++i; // the escaped character
    }
    return open;
}

// What is wrong with the string the lexer stopped in, at the byte at offset (or the end of the input).
FoundToken foundInString(std::string_view text, std::size_t offset, std::size_t open)
{
    if (offset >= text.size())
        return {QCoreApplication::translate("Liq::Formats", "invalid string: missing closing quote"), true,
                offset};
    const auto c = static_cast<unsigned char>(text[offset]);
    if (c >= 0x80)
        return {QCoreApplication::translate("Liq::Formats", "invalid string: ill-formed UTF-8 byte"), true,
                offset};
    if (c < 0x20)
        return {
            QCoreApplication::translate("Liq::Formats", "invalid string: control characters must be escaped"),
            true, offset};
    const std::size_t from = std::max(open, offset >= 5 ? offset - 5 : 0);
    if (text.substr(from, offset - from + 1).find("\\u") != std::string_view::npos)
        return {QCoreApplication::translate("Liq::Formats",
                                            "invalid string: \\u must be followed by 4 hex digits"),
                true, offset};
    if (offset > 0 && text[offset - 1] == '\\')
        return {QCoreApplication::translate("Liq::Formats", "invalid string: unknown escape"), true, offset};
    if (c == '"') // the whole string, out of place
        return {QCoreApplication::translate("Liq::Formats", "unexpected string"), false, open};
    return {QCoreApplication::translate("Liq::Formats", "invalid string"), true, offset};
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '+'
        || c == '-';
}

// A number or literal out of place, or one the lexer could not finish.
FoundToken foundWord(std::string_view word, bool finished, std::size_t start)
{
    const bool numeric = word.front() == '-' || (word.front() >= '0' && word.front() <= '9');
    if (finished && numeric) {
        double ignored = 0.0;
        const char *end = word.data() + word.size();
        if (std::from_chars(word.data(), end, ignored).ptr == end)
            return {QCoreApplication::translate("Liq::Formats", "unexpected number"), false, start};
    }
    if (finished && (word == "true" || word == "false" || word == "null"))
        return {QCoreApplication::translate("Liq::Formats", "unexpected %1")
                    .arg(QLatin1String(word.data(), qsizetype(word.size()))),
                false, start};
    return numeric ? FoundToken{QCoreApplication::translate("Liq::Formats", "invalid number"), true, start}
                   : FoundToken{QCoreApplication::translate("Liq::Formats", "invalid literal"), false, start};
}

// What the parser stopped at, from the text: offset is the last byte the lexer read (the input's size
// at its end), since nlohmann's token string runs on from the previous token.
FoundToken foundAt(std::string_view text, std::size_t offset)
{
    const std::size_t open = openStringAt(text, std::min(offset, text.size()));
    if (open != std::string_view::npos)
        return foundInString(text, offset, open);
    if (offset >= text.size())
        return {QCoreApplication::translate("Liq::Formats", "unexpected end of input"), false, text.size()};
    // The word (number or literal) the lexer was in: ending at offset, or cut short by the byte at offset.
    const bool finished = isWordChar(text[offset]);
    const std::size_t end = finished ? offset + 1 : offset;
    std::size_t start = end;
    while (start > 0 && isWordChar(text[start - 1]))
        --start;
    if (start < end)
        return foundWord(text.substr(start, end - start), finished, start);
    const char c = text[offset];
    if (std::string_view("{}[]:,").find(c) != std::string_view::npos)
        return {QCoreApplication::translate("Liq::Formats", "unexpected '%1'").arg(QLatin1Char(c)), false,
                offset};
    return {QCoreApplication::translate("Liq::Formats", "invalid literal"), false, offset};
}

// Builds the DOM from nlohmann's SAX events (the parser itself keeps its own explicit stack), so
// no amount of nesting can recurse, and enforces what nlohmann's DOM builder does not.
class StrictDomBuilder : public JsonSaxTypes
{
public:
    StrictDomBuilder(std::string_view text, JsonPositions positions, int maxDepth)
        : m_text(text)
        , m_positions(positions)
        , m_maxDepth(maxDepth)
    { }

    Json takeRoot() { return std::move(m_root); }
    const ReadFailure &recordedFailure() const { return m_failure; }

    bool null() { return addValue(nullptr) != nullptr; }
    bool boolean(bool value) { return addValue(value) != nullptr; }
    bool number_integer(number_integer_t value) { return addValue(value) != nullptr; }
    bool number_unsigned(number_unsigned_t value) { return addValue(value) != nullptr; }
    bool number_float(number_float_t value, const string_t &) { return addValue(value) != nullptr; }
    bool string(string_t &value) { return addValue(std::move(value)) != nullptr; }
    bool binary(binary_t &value) { return addValue(Json::binary(std::move(value))) != nullptr; }

    bool start_object(std::size_t) { return openContainer(Json::object()); }
    bool start_array(std::size_t) { return openContainer(Json::array()); }
    bool end_object() { return closeContainer(); }
    bool end_array() { return closeContainer(); }

    bool key(string_t &name)
    {
        // One lookup that inserts; try_emplace leaves name intact when the key is already there.
        auto &members = m_open.back()->get_ref<Json::object_t &>();
        const auto [member, inserted] = members.try_emplace(std::move(name));
        if (!inserted) {
            m_failure = failure(
                LoadErrorKind::DuplicateKey,
                QCoreApplication::translate("Liq::Formats", "the key %1 appears twice in one object")
                    .arg(shownText(name)),
                QCoreApplication::translate("Liq::Formats", "in %1").arg(currentPath()));
            return false;
        }
        m_pendingMember = &member->second;
        m_pendingKey = &member->first; // std::map nodes never move
        m_afterKey = true;
        return true;
    }

    bool parse_error(std::size_t position, const std::string &lastToken, const Json::exception &error)
    {
        const QString where = describePosition(position);
        if (error.id == 406) { // out_of_range: a number beyond a double
            m_failure = failure(
                LoadErrorKind::InvalidNumber,
                QCoreApplication::translate("Liq::Formats", "the number %1 is out of a double's range")
                    .arg(shownText(lastToken)),
                where);
            return false;
        }
        if (nonFiniteNumber(position, where))
            return false;
        // Our own words from what the parser hands over (the token and where it stopped) and from where we
        // are in the document: nlohmann's message text is no interface.
        const FoundToken found = foundAt(m_text, std::min(position > 0 ? position - 1 : 0, m_text.size()));
        QString what = QCoreApplication::translate("Liq::Formats", "malformed JSON: ") + found.text;
        if (!found.insideToken || m_rootDone)
            what += QCoreApplication::translate("Liq::Formats", "; expected ") + expectedHere(found.start);
        m_failure = failure(LoadErrorKind::Syntax, what, where);
        return false;
    }

private:
    // JSON has no NaN or Infinity (Python and JavaScript write them): say so rather than "invalid
    // literal". The parser stops on their first letter.
    bool nonFiniteNumber(std::size_t position, const QString &where)
    {
        const std::size_t offset = position > 0 ? position - 1 : 0;
        for (std::string_view word : {"NaN", "Infinity"}) {
            if (offset < m_text.size() && m_text.substr(offset, word.size()) == word) {
                const bool signed_ = offset > 0 && (m_text[offset - 1] == '-' || m_text[offset - 1] == '+');
                const std::string shown
                    = std::string(signed_ ? m_text.substr(offset - 1, 1) : "") + std::string(word);
                m_failure = failure(LoadErrorKind::InvalidNumber,
                                    QCoreApplication::translate("Liq::Formats", "%1 is not a finite number")
                                        .arg(shownText(shown)),
                                    where);
                return true;
            }
        }
        return false;
    }

    Json *addValue(Json &&value)
    {
        m_afterKey = false;
        if (m_open.empty()) {
            m_root = std::move(value);
            m_rootDone = !m_root.is_structured(); // a container is done when it closes
            return &m_root;
        }
        Json &parent = *m_open.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        *m_pendingMember = std::move(value);
        return m_pendingMember;
    }

    bool openContainer(Json &&container)
    {
        if (int(m_open.size()) >= m_maxDepth) {
            m_failure
                = failure(LoadErrorKind::TooDeep,
                          QCoreApplication::translate("Liq::Formats", "JSON nested deeper than %1 levels")
                              .arg(m_maxDepth),
                          QCoreApplication::translate("Liq::Formats", "level %1, in %2")
                              .arg(m_maxDepth + 1)
                              .arg(shortened(currentPath())));
            return false;
        }
        // Only what the step is: its text is made by currentPath(), which runs on failures only.
        PathStep step;
        if (!m_open.empty()) {
            if (m_open.back()->is_array())
                step.index = m_open.back()->size();
            else
                step.key = m_pendingKey;
        }
        m_open.push_back(addValue(std::move(container)));
        m_path.push_back(step);
        return true;
    }

    bool closeContainer()
    {
        m_open.pop_back();
        m_path.pop_back();
        m_rootDone = m_open.empty();
        return true;
    }

    // What may come at offset, from the open containers and the last character before it.
    QString expectedHere(std::size_t offset) const
    {
        if (m_rootDone)
            return QCoreApplication::translate("Liq::Formats", "end of input");
        if (m_open.empty())
            return QCoreApplication::translate("Liq::Formats", "a value");
        char before = 0;
        for (std::size_t i = offset; i > 0 && before == 0; --i) {
            const char c = m_text[i - 1];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                before = c;
        }
        const bool inObject = m_open.back()->is_object();
        if (inObject && m_afterKey)
            return before == ':' ? QCoreApplication::translate("Liq::Formats", "a value")
                                 : QCoreApplication::translate("Liq::Formats", "':' after the key");
        if (before == ',')
            return inObject ? QCoreApplication::translate("Liq::Formats", "a key in double quotes")
                            : QCoreApplication::translate("Liq::Formats", "a value");
        if (before == '{')
            return QCoreApplication::translate("Liq::Formats", "a key in double quotes or '}'");
        if (before == '[')
            return QCoreApplication::translate("Liq::Formats", "a value or ']'");
        return inObject ? QCoreApplication::translate("Liq::Formats", "',' or '}'")
                        : QCoreApplication::translate("Liq::Formats", "',' or ']'");
    }

    QString currentPath() const
    {
        QString path;
        for (std::size_t i = 1; i < m_path.size(); ++i) {
            const PathStep &step = m_path[i];
            if (step.key)
                path += (i > 1 ? QStringLiteral(".") : QString()) + toQString(*step.key);
            else
                path += QStringLiteral("[%1]").arg(step.index);
        }
        if (!m_open.empty() && m_open.back()->is_object() && path.isEmpty())
            return QCoreApplication::translate("Liq::Formats", "the top-level object");
        return path.isEmpty() ? QCoreApplication::translate("Liq::Formats", "the top level") : path;
    }

    // Deep paths are cut in the middle: the start and the end say where.
    static QString shortened(const QString &path)
    {
        constexpr int Keep = 24;
        if (path.size() <= 2 * Keep + 1)
            return path;
        return path.left(Keep) + QChar(0x2026) + path.right(Keep);
    }

    QString describePosition(std::size_t position) const
    {
        // nlohmann counts the byte it stopped at from 1; say where that byte is.
        const std::size_t offset = std::min(position > 0 ? position - 1 : 0, m_text.size());
        int line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < offset; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        const std::size_t column = offset - lineStart + 1;
        if (m_positions == JsonPositions::SingleLine)
            return QCoreApplication::translate("Liq::Formats", "column %1").arg(column);
        return QCoreApplication::translate("Liq::Formats", "byte %1, line %2, column %3")
            .arg(offset)
            .arg(line)
            .arg(column);
    }

    std::string_view m_text;
    JsonPositions m_positions;
    int m_maxDepth;
    Json m_root;
    // How an open container is reached from its parent: a member key or an array index (the first,
    // the root, is neither).
    struct PathStep
    {
        const std::string *key = nullptr; // points into the parent object's map
        std::size_t index = 0;
    };

    std::vector<Json *> m_open; // the containers being filled, outermost first
    std::vector<PathStep> m_path; // one per open container
    Json *m_pendingMember = nullptr;
    const std::string *m_pendingKey = nullptr;
    bool m_afterKey = false; // a key was read, its value not yet
    bool m_rootDone = false; // the top-level value is complete: only whitespace may follow
    ReadFailure m_failure;
};

} // namespace

ReadFailure parseJsonStrict(std::string_view text, Json *root, JsonPositions positions, int maxDepth)
{
    StrictDomBuilder builder(text, positions, maxDepth);
    const bool parsed = Json::sax_parse(text.data(), text.data() + text.size(), &builder,
                                        Json::input_format_t::json, true, false);
    if (parsed) {
        *root = builder.takeRoot();
        return {};
    }
    if (builder.recordedFailure().failed())
        return builder.recordedFailure();
    // Every path that stops the parser records why; be safe anyway.
    return failure(LoadErrorKind::Syntax, QCoreApplication::translate("Liq::Formats", "malformed JSON"));
}

QString jsonTypeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return QStringLiteral("null");
    case Json::value_t::object: return QCoreApplication::translate("Liq::Formats", "an object");
    case Json::value_t::array: return QCoreApplication::translate("Liq::Formats", "an array");
    case Json::value_t::string: return QCoreApplication::translate("Liq::Formats", "a string");
    case Json::value_t::boolean: return QCoreApplication::translate("Liq::Formats", "a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return QCoreApplication::translate("Liq::Formats", "a number");
    case Json::value_t::binary: return QCoreApplication::translate("Liq::Formats", "binary data");
    case Json::value_t::discarded: break;
    }
    return QStringLiteral("nothing");
}

const Json *member(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key); // a transparent lookup: no std::string per call
    return found == object.end() ? nullptr : &*found;
}

ReadFailure readAmount(const Json &value, double *amount)
{
    switch (value.type()) {
    // The number is shown only when it is refused: formatting every amount would cost more than parsing it.
    case Json::value_t::number_integer: {
        const auto integer = value.get<Json::number_integer_t>();
        *amount = double(integer);
        return integer < 0 ? checkAmountSign(amount, QString::number(integer)) : ReadFailure{};
    }
    case Json::value_t::number_unsigned: *amount = double(value.get<Json::number_unsigned_t>()); return {};
    case Json::value_t::number_float:
        *amount = value.get<double>();
        if (*amount < 0.0)
            return checkAmountSign(amount, QString::number(*amount, 'g', 17));
        *amount += 0.0; // turns -0 into 0
        return {};
    case Json::value_t::string: return parseAmountText(value.get_ref<const std::string &>(), amount);
    case Json::value_t::null:
        return failure(LoadErrorKind::InvalidNumber,
                       QCoreApplication::translate("Liq::Formats", "null is not an amount"));
    default: break;
    }
    return failure(LoadErrorKind::WrongType,
                   QCoreApplication::translate("Liq::Formats",
                                               "expected an amount (a number or a numeric string), found %1")
                       .arg(jsonTypeName(value)));
}

QString toQString(const std::string &utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

} // namespace Formats
} // namespace Liq
