package io.quarry.mapping;

/** The JVM instructions and access flags the generated writers and readers use (JVMS chapter 6). */
final class Opcodes {

    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_FINAL = 0x0010;
    static final int ACC_SUPER = 0x0020;

    static final int ACONST_NULL = 0x01;
    static final int ICONST_0 = 0x03;
    static final int BIPUSH = 0x10;
    static final int SIPUSH = 0x11;
    static final int LDC = 0x12;
    static final int LDC_W = 0x13;
    static final int ILOAD = 0x15;
    static final int LLOAD = 0x16;
    static final int FLOAD = 0x17;
    static final int DLOAD = 0x18;
    static final int ALOAD = 0x19;
    static final int ALOAD_0 = 0x2a;
    static final int IALOAD = 0x2e;
    static final int AALOAD = 0x32;
    static final int ISTORE = 0x36;
    static final int LSTORE = 0x37;
    static final int FSTORE = 0x38;
    static final int DSTORE = 0x39;
    static final int ASTORE = 0x3a;
    static final int ASTORE_0 = 0x4b;
    static final int AASTORE = 0x53;
    static final int DUP = 0x59;
    static final int ARETURN = 0xb0;
    static final int RETURN = 0xb1;
    static final int PUTFIELD = 0xb5;
    static final int INVOKEVIRTUAL = 0xb6;
    static final int INVOKESPECIAL = 0xb7;
    static final int INVOKESTATIC = 0xb8;
    static final int INVOKEINTERFACE = 0xb9;
    static final int NEW = 0xbb;
    static final int CHECKCAST = 0xc0;

    private Opcodes() {
    }
}
