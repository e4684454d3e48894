package io.quarry.mapping;

import io.quarry.types.Numbers;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class file under construction, just what the generated writers and readers need: a final
 * class implementing one interface, a no-argument constructor, methods without branches (so, at
 * class-file version 52, no stack map frames), defined as a hidden nestmate of the class it serves.
 * Not thread-safe; one per generated class.
 */
final class ClassFile {

    private static final String OBJECT = "java/lang/Object";

    private final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(poolBytes);
    private final Map<String, Integer> entries = new HashMap<>();
    private final List<Method> methods = new ArrayList<>();
    private final String name;
    private final String interfaceName;
    private int count = 1;

    ClassFile(String name, Class<?> implemented) {
        this.name = name;
        this.interfaceName = internalName(implemented);
    }

    /** The name of {@code type} in class files: {@code java/lang/String}, or a descriptor for arrays. */
    static String internalName(Class<?> type) {
        return type.isArray() ? type.descriptorString() : type.getName().replace('.', '/');
    }

    /** Refuses a type the generated class could not name: not public and from another package or loader. */
    static void checkVisible(Class<?> declaring, Class<?> type) throws IllegalAccessException {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive() || Modifier.isPublic(element.getModifiers())) {
            return;
        }
        if (element.getClassLoader() != declaring.getClassLoader()
                || !element.getPackageName().equals(declaring.getPackageName())) {
            throw new IllegalAccessException(element.getName() + " is not visible from " + declaring.getPackageName());
        }
    }

    /** Defines {@code classFile} as a hidden nestmate of {@code host} and returns a new instance of it. */
    static <I> I define(Class<?> host, byte[] classFile, Class<I> implemented) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        Class<?> generated = lookup.defineHiddenClass(classFile, true, MethodHandles.Lookup.ClassOption.NESTMATE)
                .lookupClass();
        return implemented.cast(generated.getDeclaredConstructor().newInstance());
    }

    int utf8(String value) {
        Integer known = entries.get("U" + value);
        if (known != null) {
            return known;
        }
        write(() -> {
            pool.writeByte(1);
            pool.writeUTF(value);
        });
        entries.put("U" + value, count);
        return count++;
    }

    int classRef(String internalName) {
        return pair("C" + internalName, 7, utf8(internalName), -1);
    }

    int fieldRef(String owner, String member, String descriptor) {
        return pair("F" + owner + "." + member + ":" + descriptor, 9, classRef(owner), nameAndType(member, descriptor));
    }

    int methodRef(String owner, String member, String descriptor) {
        return pair("M" + owner + "." + member + descriptor, 10, classRef(owner), nameAndType(member, descriptor));
    }

    int interfaceMethodRef(String owner, String member, String descriptor) {
        return pair("I" + owner + "." + member + descriptor, 11, classRef(owner), nameAndType(member, descriptor));
    }

    private int nameAndType(String member, String descriptor) {
        return pair("N" + member + ":" + descriptor, 12, utf8(member), utf8(descriptor));
    }

    private int pair(String key, int tag, int first, int second) {
        Integer known = entries.get(key);
        if (known != null) {
            return known;
        }
        write(() -> {
            pool.writeByte(tag);
            pool.writeShort(first);
            if (second >= 0) {
                pool.writeShort(second);
            }
        });
        entries.put(key, count);
        return count++;
    }

    /** A method: constant-pool indexes of its name and descriptor, and its body. */
    private record Method(int name, int descriptor, Code code) {
    }

    /** Adds a public method. */
    void method(String member, String descriptor, Code code) {
        methods.add(new Method(utf8(member), utf8(descriptor), code));
    }

    /** The class file: this class, its constructor and the methods added. */
    byte[] finish() {
        Code init = new Code(1, 1);
        init.op(Opcodes.ALOAD_0);
        init.refOp(Opcodes.INVOKESPECIAL, methodRef(OBJECT, "<init>", "()V"));
        init.op(Opcodes.RETURN);
        method("<init>", "()V", init);
        int thisClass = classRef(name);
        int superClass = classRef(OBJECT);
        int implemented = classRef(interfaceName);
        int codeName = utf8("Code");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        write(() -> {
            data.writeInt(0xCAFEBABE);
            data.writeShort(0);
            data.writeShort(52); // Java 8 class files: no stack map frames needed without branches
            data.writeShort(count);
            data.write(poolBytes.toByteArray());
            data.writeShort(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER);
            data.writeShort(thisClass);
            data.writeShort(superClass);
            data.writeShort(1);
            data.writeShort(implemented);
            data.writeShort(0); // fields
            data.writeShort(methods.size());
            for (Method method : methods) {
                method(data, method, codeName);
            }
            data.writeShort(0); // attributes
        });
        return out.toByteArray();
    }

    private static void method(DataOutputStream data, Method method, int codeName) throws IOException {
        Code code = method.code();
        byte[] body = code.bytes.toByteArray();
        data.writeShort(Opcodes.ACC_PUBLIC);
        data.writeShort(method.name());
        data.writeShort(method.descriptor());
        data.writeShort(1);
        data.writeShort(codeName);
        data.writeInt(2 + 2 + 4 + body.length + 2 + 2);
        data.writeShort(code.maxStack);
        data.writeShort(code.maxLocals);
        data.writeInt(body.length);
        data.write(body);
        data.writeShort(0); // exception table
        data.writeShort(0); // attributes
    }

    private interface Output {
        void run() throws IOException;
    }

    private static void write(Output output) {
        try {
            output.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A method body under construction. */
    static final class Code {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int maxStack;
        private final int maxLocals;

        Code(int maxStack, int maxLocals) {
            this.maxStack = maxStack;
            this.maxLocals = maxLocals;
        }

        void op(int opcode) {
            bytes.write(opcode);
        }

        /** An instruction with a constant-pool index: new, checkcast, invoke*, putfield. */
        void refOp(int opcode, int index) {
            op(opcode);
            u2(index);
        }

        void invokeInterface(int methodRef, int argumentSlots) {
            refOp(Opcodes.INVOKEINTERFACE, methodRef);
            op(argumentSlots + 1);
            op(0);
        }

        /** Pushes a constant-pool entry (a class). */
        void ldc(int index) {
            if (index <= 0xff) {
                op(Opcodes.LDC);
                op(index);
            } else {
                refOp(Opcodes.LDC_W, index);
            }
        }

        void aload(int local) {
            if (local <= 3) {
                op(Opcodes.ALOAD_0 + local);
            } else {
                op(Opcodes.ALOAD);
                op(local);
            }
        }

        void astore(int local) {
            if (local <= 3) {
                op(Opcodes.ASTORE_0 + local);
            } else {
                op(Opcodes.ASTORE);
                op(local);
            }
        }

        /** Stores the value on the stack, of {@code type}, in {@code local} (and the next, for long and double). */
        void store(Class<?> type, int local) {
            op(!type.isPrimitive() ? Opcodes.ASTORE : type == long.class ? Opcodes.LSTORE
                    : type == float.class ? Opcodes.FSTORE : type == double.class ? Opcodes.DSTORE : Opcodes.ISTORE);
            op(local);
        }

        /** Pushes {@code local}, of {@code type}. */
        void load(Class<?> type, int local) {
            op(!type.isPrimitive() ? Opcodes.ALOAD : type == long.class ? Opcodes.LLOAD
                    : type == float.class ? Opcodes.FLOAD : type == double.class ? Opcodes.DLOAD : Opcodes.ILOAD);
            op(local);
        }

        /** The value on the stack, of {@code type}, as an Object: primitives through their box's {@code valueOf}. */
        void box(ClassFile file, Class<?> type) {
            if (type.isPrimitive()) {
                String box = internalName(Numbers.boxed(type));
                refOp(Opcodes.INVOKESTATIC, file.methodRef(box, "valueOf",
                        "(" + type.descriptorString() + ")" + Numbers.boxed(type).descriptorString()));
            }
        }

        void pushInt(int value) {
            if (value <= 5) {
                op(Opcodes.ICONST_0 + value);
            } else if (value <= Byte.MAX_VALUE) {
                op(Opcodes.BIPUSH);
                op(value);
            } else {
                op(Opcodes.SIPUSH);
                u2(value);
            }
        }

        /** The Object on the stack as a {@code type}: a cast, or a cast to the box and its unboxing call. */
        void convert(ClassFile file, Class<?> type) {
            if (type.isPrimitive()) {
                String box = internalName(Numbers.boxed(type));
                refOp(Opcodes.CHECKCAST, file.classRef(box));
                refOp(Opcodes.INVOKEVIRTUAL, file.methodRef(box, type.getName() + "Value", "()" + type.descriptorString()));
            } else if (type != Object.class) {
                refOp(Opcodes.CHECKCAST, file.classRef(internalName(type)));
            }
        }

        private void u2(int value) {
            bytes.write(value >>> 8);
            bytes.write(value & 0xff);
        }
    }
}
