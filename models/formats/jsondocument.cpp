#include "jsondocument.h"

#include "numbertext.h"

#include <cstring>
#include <vector>

namespace Liq {
namespace Formats {

namespace {

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
            m_failure = failure(LoadErrorKind::DuplicateKey,
                                QStringLiteral("the key %1 appears twice in one object").arg(shownText(name)),
                                QStringLiteral("in %1").arg(currentPath()));
            return false;
        }
        m_pendingMember = &member->second;
        m_pendingKey = &member->first; // std::map nodes never move
        return true;
    }

    bool parse_error(std::size_t position, const std::string &lastToken,
                     const nlohmann::detail::exception &error)
    {
        const QString where = describePosition(position);
        if (error.id == 406) { // out_of_range: a number beyond a double
            m_failure = failure(
                LoadErrorKind::InvalidNumber,
                QStringLiteral("the number %1 is out of a double's range").arg(shownText(lastToken)), where);
            return false;
        }
        // JSON has no NaN or Infinity (Python and JavaScript write them): say so rather than
        // "invalid literal". The parser stops on their first letter.
        const std::size_t offset = position > 0 ? position - 1 : 0;
        for (std::string_view word : {"NaN", "Infinity"}) {
            if (offset < m_text.size() && m_text.substr(offset, word.size()) == word) {
                const bool signed_ = offset > 0 && (m_text[offset - 1] == '-' || m_text[offset - 1] == '+');
                const std::string shown
                    = std::string(signed_ ? m_text.substr(offset - 1, 1) : "") + std::string(word);
                m_failure = failure(LoadErrorKind::InvalidNumber,
                                    QStringLiteral("%1 is not a finite number").arg(shownText(shown)), where);
                return false;
            }
        }
        // nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 2: <detail>".
        std::string detail = error.what();
        const std::size_t colon = detail.find(": ");
        if (colon != std::string::npos)
            detail = detail.substr(colon + 2);
        // Drop "; last read: '<token>'": the token can be long or binary; the position says enough.
        const std::size_t lastRead = detail.find("; last read: '");
        if (lastRead != std::string::npos) {
            const std::size_t expected = detail.rfind("'; expected");
            detail.erase(lastRead,
                         expected != std::string::npos && expected > lastRead ? expected + 1 - lastRead
                                                                              : std::string::npos);
        }
        const QString shown = QString::fromUtf8(detail.data(), qsizetype(detail.size()));
        m_failure
            = failure(LoadErrorKind::Syntax, QStringLiteral("malformed JSON: ") + shown.left(200), where);
        return false;
    }

private:
    Json *addValue(Json &&value)
    {
        if (m_open.empty()) {
            m_root = std::move(value);
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
            m_failure = failure(
                LoadErrorKind::TooDeep, QStringLiteral("JSON nested deeper than %1 levels").arg(m_maxDepth),
                QStringLiteral("level %1, in %2").arg(m_maxDepth + 1).arg(shortened(currentPath())));
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
        return true;
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
            return QStringLiteral("the top-level object");
        return path.isEmpty() ? QStringLiteral("the top level") : path;
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
            return QStringLiteral("column %1").arg(column);
        return QStringLiteral("byte %1, line %2, column %3").arg(offset).arg(line).arg(column);
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
    ReadFailure m_failure;
};

} // namespace

JsonParseResult parseJsonStrict(std::string_view text, JsonPositions positions, int maxDepth)
{
    StrictDomBuilder builder(text, positions, maxDepth);
    const bool parsed = Json::sax_parse(text.data(), text.data() + text.size(), &builder,
                                        nlohmann::detail::input_format_t::json, true, false);
    JsonParseResult result;
    if (parsed) {
        result.root = builder.takeRoot();
    } else {
        result.failure = builder.recordedFailure();
        if (!result.failure.failed()) // every path that stops the parser records why; be safe anyway
            result.failure = failure(LoadErrorKind::Syntax, QStringLiteral("malformed JSON"));
    }
    return result;
}

QString jsonTypeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return QStringLiteral("null");
    case Json::value_t::object: return QStringLiteral("an object");
    case Json::value_t::array: return QStringLiteral("an array");
    case Json::value_t::string: return QStringLiteral("a string");
    case Json::value_t::boolean: return QStringLiteral("a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return QStringLiteral("a number");
    case Json::value_t::binary: return QStringLiteral("binary data");
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
        return failure(LoadErrorKind::InvalidNumber, QStringLiteral("null is not an amount"));
    default: break;
    }
    return failure(LoadErrorKind::WrongType,
                   QStringLiteral("expected an amount (a number or a numeric string), found %1")
                       .arg(jsonTypeName(value)));
}

QString toQString(const std::string &utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

} // namespace Formats
} // namespace Liq
