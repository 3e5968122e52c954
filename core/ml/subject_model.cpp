#include "ml/subject_model.h"

#include <QDataStream>
#include <QIODevice>
#include <cstring>

namespace backsight::ml {

namespace {

const char kUserModelMagic[8] = {'B', 'S', 'U', 'S', 'R', 'M', 'D', 'L'};
constexpr quint32 kUserModelVersion = 1;

} // namespace

QByteArray packModel(const features::SignInEncoder &encoder, const QByteArray &model)
{
    QByteArray blob;
    QDataStream s(&blob, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s.writeRawData(kUserModelMagic, 8);
    s << kUserModelVersion << encoder.toJson() << model;
    return blob;
}

bool unpackModel(const QByteArray &blob, SubjectModel &m, QString &error)
{
    if (blob.size() < 12 || std::memcmp(blob.constData(), kUserModelMagic, 8) != 0) {
        error = QStringLiteral("not a sign-in model (bad magic)");
        return false;
    }
    QDataStream s(blob);
    s.setVersion(QDataStream::Qt_6_4);
    s.skipRawData(8);
    quint32 version = 0;
    QByteArray encoder, forest;
    s >> version;
    if (version > kUserModelVersion) {
        error = QStringLiteral("format version %1 is newer than this build reads (%2)").arg(version).arg(kUserModelVersion);
        return false;
    }
    s >> encoder >> forest;
    if (s.status() != QDataStream::Ok) {
        error = QStringLiteral("truncated sign-in model");
        return false;
    }
    if (!m.encoder.fromJson(encoder, error))
        return false;
    if (const Status loaded = m.isAutoencoder ? m.autoencoder.deserialize(forest) : m.forest.deserialize(forest); !loaded) {
        error = loaded.error().message;
        return false;
    }
    const int d = m.isAutoencoder ? m.autoencoder.dimensions() : m.forest.dimensions();
    if (d != m.encoder.dimensions()) {
        error = QStringLiteral("model has %1 features, encoder %2").arg(d).arg(m.encoder.dimensions());
        return false;
    }
    return true;
}

} // namespace backsight::ml
