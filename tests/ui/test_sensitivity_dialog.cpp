// Settings > Detection sensitivity…: the real dialog on a real case. The backtest runs as a job on the pool and fills
// the table (one row per setting, never fewer medium-or-higher as the setting rises); saving stores the setting in the
// case, where the CLI and the analysis job read it.
#include "case_fixture.h"
#include "dialogs/sensitivity_dialog.h"
#include "detect/severity_policy.h"
#include "store/case_settings.h"
#include "store/database.h"
#include "test_support.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;

class TestSensitivityDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        path_ = temp_.path(QStringLiteral("case.sqlite"));
        const QString error = test::CaseFixture::build(path_, temp_.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(db_.open(path_));
    }

    void cleanupTestCase() { pool_.waitForDone(); }

    void backtestFillsTheTableInAJob()
    {
        SensitivityDialog dialog(db_, pool_);
        dialog.show();
        QCOMPARE(dialog.slider()->value(), detect::kDefaultSensitivity);
        QCOMPARE(dialog.table()->rowCount(), 5);
        QVERIFY(!dialog.table()->item(2, 1)); // nothing counted before the backtest
        QVERIFY(dialog.table()->item(2, 0)->font().bold()); // the case's setting stands out

        QSignalSpy finished(&dialog, &SensitivityDialog::backtestFinished);
        QTest::mouseClick(dialog.backtestButton(), Qt::LeftButton);
        QVERIFY(dialog.isBacktestRunning());
        QVERIFY(!dialog.backtestButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY(dialog.backtestButton()->isEnabled());
        qint64 previous = -1;
        for (int row = 0; row < 5; ++row) {
            qint64 mediumUp = 0;
            for (int column = 1; column <= 3; ++column) { // critical, high, medium
                QTableWidgetItem *item = dialog.table()->item(row, column);
                QVERIFY(item);
                mediumUp += item->text().remove(QLatin1Char(',')).toLongLong();
            }
            QVERIFY2(mediumUp >= previous, qPrintable(QStringLiteral("row %1").arg(row)));
            previous = mediumUp;
        }
        // The backtest stored nothing: the fixture's anomalies are all there is.
        QSqlQuery q(db_.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM anomalies")) && q.next());
        QCOMPARE(q.value(0).toInt(), test::CaseFixture::kAnomalies);
    }

    void savesTheSettingInTheCase()
    {
        {
            SensitivityDialog dialog(db_, pool_);
            dialog.show();
            dialog.slider()->setFocus();
            QTest::keyClick(dialog.slider(), Qt::Key_Right); // one step towards more alerts
            QCOMPARE(dialog.slider()->value(), 4);
            QVERIFY(dialog.table()->item(3, 0)->font().bold());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.savedSensitivity(), 4);
        }
        QCOMPARE(*caseSensitivity(db_), 4);
        SensitivityDialog reopened(db_, pool_);
        QCOMPARE(reopened.slider()->value(), 4);
        reopened.slider()->setValue(1);
        reopened.reject(); // cancelled: the case keeps 4
        QCOMPARE(*caseSensitivity(db_), 4);
    }

private:
    test::TempFolder temp_;
    QString path_;
    Database db_;
    QThreadPool pool_;
};

QTEST_MAIN(TestSensitivityDialog)
#include "test_sensitivity_dialog.moc"
