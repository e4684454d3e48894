package io.quarry.mapping;

import io.quarry.mapping.internal.GeneratedWriter;
import io.quarry.types.Numbers;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes, for one class, the bytecode of a {@link GeneratedWriter} that sets its fields from a
 * values array with plain field stores (what a hand-written mapper does), and defines it as a hidden
 * nestmate of that class, so private fields and constructors are reachable. Used for entities that
 * are read often; where a writer cannot be defined (a named module that does not open the package,
 * a field type the entity's package cannot see), the method-handle path stays. Stateless.
 *
 * <p>The generated methods have no branches, so the class file needs no stack map frames.
 */
final class WriterGenerator {

    /** A field to set from {@code values[index]}. */
    record Slot(int index, Field field) {
    }

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;
    private static final String OBJECT = "java/lang/Object";
    private static final String WRITER = GeneratedWriter.class.getName().replace('.', '/');

    private WriterGenerator() {
    }

    /**
     * A writer for the fields {@code declaring} declares; when {@code instantiate} is set, its
     * {@code create} also calls the no-argument constructor of {@code declaring} first.
     */
    static GeneratedWriter forClass(Class<?> declaring, boolean instantiate, List<Slot> slots)
            throws ReflectiveOperationException {
        for (Slot slot : slots) {
            checkVisible(declaring, slot.field().getType());
        }
        String self = declaring.getName().replace('.', '/');
        ClassBytes bytes = new ClassBytes(self + "$QuarryWriter");
        Code create = new Code(4, 3);
        if (instantiate) {
            create.refOp(0xbb, bytes.classRef(self)); // new
            create.op(0x59); // dup
            create.refOp(0xb7, bytes.methodRef(self, "<init>", "()V")); // invokespecial
            create.op(0x4d); // astore_2
            stores(bytes, create, self, slots, 0x2c, 0x2b); // aload_2, aload_1
            create.op(0x2c); // aload_2
        } else {
            create.op(0x01); // aconst_null
        }
        create.op(0xb0); // areturn
        Code write = new Code(4, 4);
        write.op(0x2b); // aload_1
        write.refOp(0xc0, bytes.classRef(self)); // checkcast
        write.op(0x4e); // astore_3
        stores(bytes, write, self, slots, 0x2d, 0x2c); // aload_3, aload_2
        write.op(0xb1); // return
        return define(declaring, bytes.finish(create, write));
    }

    /** A writer whose {@code create} calls the canonical constructor of {@code record}. */
    static GeneratedWriter forRecord(Class<?> record, List<Class<?>> components) throws ReflectiveOperationException {
        StringBuilder descriptor = new StringBuilder("(");
        int slots = 0;
        for (Class<?> component : components) {
            checkVisible(record, component);
            descriptor.append(component.descriptorString());
            slots += component == long.class || component == double.class ? 2 : 1;
        }
        descriptor.append(")V");
        String self = record.getName().replace('.', '/');
        ClassBytes bytes = new ClassBytes(self + "$QuarryWriter");
        Code create = new Code(slots + 4, 2);
        create.refOp(0xbb, bytes.classRef(self)); // new
        create.op(0x59); // dup
        for (int i = 0; i < components.size(); i++) {
            create.op(0x2b); // aload_1
            create.pushInt(i);
            create.op(0x32); // aaload
            convert(bytes, create, components.get(i));
        }
        create.refOp(0xb7, bytes.methodRef(self, "<init>", descriptor.toString())); // invokespecial
        create.op(0xb0); // areturn
        Code write = new Code(0, 3);
        write.op(0xb1); // return: records are never written field by field
        return define(record, bytes.finish(create, write));
    }

    /** For each slot: target, values, index, aaload, conversion, putfield. */
    private static void stores(ClassBytes bytes, Code code, String self, List<Slot> slots, int loadTarget,
            int loadValues) {
        for (Slot slot : slots) {
            Field field = slot.field();
            code.op(loadTarget);
            code.op(loadValues);
            code.pushInt(slot.index());
            code.op(0x32); // aaload
            convert(bytes, code, field.getType());
            code.refOp(0xb5, bytes.fieldRef(self, field.getName(), field.getType().descriptorString())); // putfield
        }
    }

    /** The Object on the stack as a {@code type}: a cast, or a cast to the box and its unboxing call. */
    private static void convert(ClassBytes bytes, Code code, Class<?> type) {
        if (type.isPrimitive()) {
            Class<?> box = Numbers.boxed(type);
            String boxName = box.getName().replace('.', '/');
            code.refOp(0xc0, bytes.classRef(boxName)); // checkcast
            code.refOp(0xb6, bytes.methodRef(boxName, type.getName() + "Value", "()" + type.descriptorString())); // invokevirtual
        } else if (type != Object.class) {
            code.refOp(0xc0, bytes.classRef(type.isArray() ? type.descriptorString() : type.getName().replace('.', '/')));
        }
    }

    /** Refuses a type the generated class could not name: not public and from another package or loader. */
    private static void checkVisible(Class<?> declaring, Class<?> type) throws IllegalAccessException {
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

    private static GeneratedWriter define(Class<?> host, byte[] classFile) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        Class<?> writer = lookup.defineHiddenClass(classFile, true, MethodHandles.Lookup.ClassOption.NESTMATE)
                .lookupClass();
        return (GeneratedWriter) writer.getDeclaredConstructor().newInstance();
    }

    /** A method body under construction. */
    private static final class Code {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int maxStack;
        final int maxLocals;

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

        void pushInt(int value) {
            if (value <= 5) {
                op(0x03 + value); // iconst_<n>
            } else if (value <= Byte.MAX_VALUE) {
                op(0x10); // bipush
                op(value);
            } else {
                op(0x11); // sipush
                u2(value);
            }
        }

        private void u2(int value) {
            bytes.write(value >>> 8);
            bytes.write(value & 0xff);
        }
    }

    /** The constant pool and the class around two methods: {@code create} and {@code write}. */
    private static final class ClassBytes {

        private final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
        private final DataOutputStream pool = new DataOutputStream(poolBytes);
        private final Map<String, Integer> entries = new HashMap<>();
        private final String name;
        private int count = 1;

        ClassBytes(String name) {
            this.name = name;
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

        int nameAndType(String member, String descriptor) {
            return pair("N" + member + ":" + descriptor, 12, utf8(member), utf8(descriptor));
        }

        int fieldRef(String owner, String member, String descriptor) {
            return pair("F" + owner + "." + member + ":" + descriptor, 9, classRef(owner), nameAndType(member, descriptor));
        }

        int methodRef(String owner, String member, String descriptor) {
            return pair("M" + owner + "." + member + descriptor, 10, classRef(owner), nameAndType(member, descriptor));
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

        byte[] finish(Code create, Code write) {
            int thisClass = classRef(name);
            int superClass = classRef(OBJECT);
            int writerInterface = classRef(WRITER);
            int objectInit = methodRef(OBJECT, "<init>", "()V");
            int codeName = utf8("Code");
            int initName = utf8("<init>");
            int initDescriptor = utf8("()V");
            int createName = utf8("create");
            int createDescriptor = utf8("([Ljava/lang/Object;)Ljava/lang/Object;");
            int writeName = utf8("write");
            int writeDescriptor = utf8("(Ljava/lang/Object;[Ljava/lang/Object;)V");
            Code init = new Code(1, 1);
            init.op(0x2a); // aload_0
            init.refOp(0xb7, objectInit); // invokespecial
            init.op(0xb1); // return
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);
            write(() -> {
                data.writeInt(0xCAFEBABE);
                data.writeShort(0);
                data.writeShort(52); // Java 8 class files: no stack map frames needed without branches
                data.writeShort(count);
                data.write(poolBytes.toByteArray());
                data.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
                data.writeShort(thisClass);
                data.writeShort(superClass);
                data.writeShort(1);
                data.writeShort(writerInterface);
                data.writeShort(0); // fields
                data.writeShort(3); // methods
                method(data, initName, initDescriptor, codeName, init);
                method(data, createName, createDescriptor, codeName, create);
                method(data, writeName, writeDescriptor, codeName, write);
                data.writeShort(0); // attributes
            });
            return out.toByteArray();
        }

        private static void method(DataOutputStream data, int name, int descriptor, int codeName, Code code)
                throws IOException {
            byte[] body = code.bytes.toByteArray();
            data.writeShort(ACC_PUBLIC);
            data.writeShort(name);
            data.writeShort(descriptor);
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
    }
}
