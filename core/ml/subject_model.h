#pragma once

// Internal to the sign-in models (user_models.cpp, user_model_training.cpp): one trained model as scoring holds it,
// and the blob a model is stored as.

#include "features/signin_features.h"
#include "ml/autoencoder.h"
#include "ml/isolation_forest.h"
#include "ml/user_models.h"

#include <QByteArray>
#include <QString>

namespace backsight::ml {

// A trained model of one subject: encoder + forest + threshold.
struct SubjectModel
{
    features::SignInEncoder encoder;
    IsolationForest forest;          // kind "iforest"
    DenseAutoencoder autoencoder;    // kind "autoencoder"
    bool isAutoencoder = false;
    double threshold = 1;
    ModelRecord record;
};

// The stored blob: magic, format version, the encoder (JSON) and the model's own serialization.
QByteArray packModel(const features::SignInEncoder &encoder, const QByteArray &model);
// Reads a blob into `m` (whose isAutoencoder says which model it holds). A damaged, foreign or newer blob is BadInput.
Status unpackModel(const QByteArray &blob, SubjectModel &m);

} // namespace backsight::ml
