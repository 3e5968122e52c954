#include "ingest/import_row.h"

namespace backsight {

void RowWriter::text(int column, std::string_view value)
{
    ImportRow::Cell &cell = row_.cells[size_t(column)];
    if (value.empty()) {
        cell.type = ImportRow::Cell::Null;
        return;
    }
    cell.type = ImportRow::Cell::Text;
    cell.offset = arena_.size();
    cell.length = std::uint32_t(value.size());
    arena_.append(value);
}

void RowWriter::lowerText(int column, std::string_view value)
{
    const bool ascii = std::all_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
        const QByteArray lowered = QString::fromUtf8(value.data(), qsizetype(value.size())).toLower().toUtf8();
        text(column, std::string_view(lowered.constData(), size_t(lowered.size())));
        return;
    }
    text(column, value);
    ImportRow::Cell &cell = row_.cells[size_t(column)];
    if (cell.type != ImportRow::Cell::Text)
        return;
    for (size_t i = cell.offset; i < cell.offset + cell.length; ++i) {
        char &c = arena_[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
}

void RowWriter::integer(int column, std::optional<qint64> value)
{
    ImportRow::Cell &cell = row_.cells[size_t(column)];
    cell.type = value ? ImportRow::Cell::Integer : ImportRow::Cell::Null;
    if (value)
        cell.integer = *value;
}

void RowWriter::real(int column, std::optional<double> value)
{
    ImportRow::Cell &cell = row_.cells[size_t(column)];
    cell.type = value ? ImportRow::Cell::Real : ImportRow::Cell::Null;
    if (value)
        cell.real = *value;
}

void RowWriter::boolean(int column, std::optional<bool> value)
{
    integer(column, value ? std::optional<qint64>(*value ? 1 : 0) : std::nullopt);
}

std::string_view RowWriter::textOf(int column) const
{
    return cellText(row_, arena_, column);
}

std::string_view cellText(const ImportRow &row, const std::string &arena, int column)
{
    const ImportRow::Cell &cell = row.cells[size_t(column)];
    if (cell.type != ImportRow::Cell::Text)
        return {};
    return std::string_view(arena.data() + cell.offset, cell.length);
}

} // namespace backsight
