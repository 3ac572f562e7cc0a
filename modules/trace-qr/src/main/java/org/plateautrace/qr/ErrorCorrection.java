package org.plateautrace.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR error-correction level: L recovers about 7 % of the symbol, M 15 %, Q 25 %, H 30 %. */
public enum ErrorCorrection {
    L(ErrorCorrectionLevel.L),
    M(ErrorCorrectionLevel.M),
    Q(ErrorCorrectionLevel.Q),
    H(ErrorCorrectionLevel.H);

    private final ErrorCorrectionLevel zxing;

    ErrorCorrection(ErrorCorrectionLevel zxing) {
        this.zxing = zxing;
    }

    ErrorCorrectionLevel zxing() {
        return zxing;
    }
}
