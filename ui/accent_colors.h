#pragma once

#include <QColor>
#include <QPalette>

namespace backsight::ui {

// The few colours the GUI sets itself; everything else follows the system palette. Each accent has a
// light-theme and a dark-theme shade so it stays readable on either background.
inline bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Text of a failed sign-in: noticeable, not alarming.
inline QColor failureTextColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

} // namespace backsight::ui
