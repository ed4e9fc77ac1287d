#pragma once

// The parsers' fast path (private to models/streams): nlohmann's SAX events read straight into the few
// fields a liquidation needs, with no DOM built. A scan reads only the plain event message of its
// protocol; on anything else (a reply, another channel, a wrapper, a key given twice, a wrong type, a
// message too large for its buffers) it stops, and the parser reads the message with the full DOM parse,
// which alone writes every problem. The fields read here go through the same normalisation as the full
// parse's, and jsonfields.h's readings, so both give the same events.
#include "streams/jsonfields.h"

#include <QtGlobal>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace Liq::StreamJson {

// One scalar SAX value, before a field reads it as the protocol wants.
struct SaxValue
{
    enum class Type : quint8 { String, Integer, Unsigned, Float, Other };
    Type type = Type::Other; // Other: null, a boolean, or an object or array (skipped)
    const std::string *string = nullptr;
    qint64 integer = 0;
    quint64 unsignedInteger = 0;
    double real = 0;
};

// A text field: isText is what string() != nullopt is for a DOM object.
struct TextField
{
    bool isText = false;
    std::string text;

    void read(const SaxValue &value)
    {
        isText = value.type == SaxValue::Type::String;
        if (isText)
            text = *value.string; // reuses the capacity: short names stay in place
    }
    const std::string *get() const { return isText ? &text : nullptr; }
};

// number() of a DOM object's field, for the same JSON value.
std::optional<double> numberOf(const SaxValue &value);
// integer() of a DOM object's field, for the same JSON value.
std::optional<qint64> integerOf(const SaxValue &value);

// How a protocol's scan takes a container that opens where it stands.
enum class SaxEnter : quint8 {
    Read, // a container the scan reads into
    Skip, // not read: everything inside it is ignored
    Refuse, // not a message the fast path reads: stop
};

// The SAX interface nlohmann::json::sax_parse calls. Scan, the protocol, says what each key is
// (key: false stops), takes the values (value: false stops), and takes containers (enter) as they
// open and close (leave). Values and keys inside skipped containers never reach it.
template<typename Scan>
class SaxScanner
{
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    bool null() { return scalar(SaxValue{}); }
    bool boolean(bool) { return scalar(SaxValue{}); }
    bool number_integer(number_integer_t value)
    {
        SaxValue read;
        read.type = SaxValue::Type::Integer;
        read.integer = value;
        return scalar(read);
    }
    bool number_unsigned(number_unsigned_t value)
    {
        SaxValue read;
        read.type = SaxValue::Type::Unsigned;
        read.unsignedInteger = value;
        return scalar(read);
    }
    bool number_float(number_float_t value, const string_t &)
    {
        SaxValue read;
        read.type = SaxValue::Type::Float;
        read.real = value;
        return scalar(read);
    }
    bool string(string_t &value)
    {
        SaxValue read;
        read.type = SaxValue::Type::String;
        read.string = &value;
        return scalar(read);
    }
    bool binary(binary_t &) { return false; } // never from JSON text
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(string_t &name) { return m_skipDepth > 0 || scan().key(std::string_view(name)); }
    bool parse_error(std::size_t, const std::string &, const Json::exception &) { return false; }

    // Scans text whole (trailing content is an error, as for the full parse); false when the scan stopped.
    bool run(std::string_view text)
    {
        return Json::sax_parse(text.data(), text.data() + text.size(), this, Json::input_format_t::json, true,
                               false);
    }

private:
    Scan &scan() { return *static_cast<Scan *>(this); }
    bool scalar(const SaxValue &value) { return m_skipDepth > 0 || scan().value(value); }
    bool open(bool object)
    {
        if (m_skipDepth > 0) {
            ++m_skipDepth;
            return true;
        }
        switch (scan().enter(object)) {
        case SaxEnter::Read: return true;
        case SaxEnter::Skip: m_skipDepth = 1; return true;
        case SaxEnter::Refuse: break;
        }
        return false;
    }
    bool close()
    {
        if (m_skipDepth > 0) {
            --m_skipDepth;
            return true;
        }
        return scan().leave();
    }

    int m_skipDepth = 0;
};

} // namespace Liq::StreamJson
