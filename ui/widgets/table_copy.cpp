#include "widgets/table_copy.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QMap>

namespace backsight::ui {

QString selectedCellsAsText(const QAbstractItemView &view)
{
    if (!view.selectionModel())
        return {};
    // row -> column -> text, so the lines come out in row order whatever order the cells were clicked in.
    QMap<int, QMap<int, QString>> cells;
    for (const QModelIndex &index : view.selectionModel()->selectedIndexes())
        cells[index.row()][index.column()] = index.data(Qt::DisplayRole).toString();
    QStringList lines;
    for (const auto &row : cells) {
        QStringList values;
        for (const QString &value : row)
            values << QString(value).replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        lines << values.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void makeCopyable(QAbstractItemView *view)
{
    auto *copy = new QAction(QObject::tr("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(copy, &QAction::triggered, view,
                     [view] { QGuiApplication::clipboard()->setText(selectedCellsAsText(*view)); });
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace backsight::ui
