package org.workrelief.worker;

/**
 * What the worker types on the PIN page: the current PIN (only when one is set) and the new one twice.
 * Never shown again, never logged: {@link #toString()} leaves the digits out.
 */
public record PinForm(String currentPin, String newPin, String newPinAgain) {

    public static PinForm blank() {
        return new PinForm("", "", "");
    }

    @Override
    public String toString() {
        return "PinForm[digits withheld]";
    }
}
