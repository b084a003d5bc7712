package dev.cairn.engine.map;

import dev.cairn.dialect.Dialect;
import dev.cairn.dsl.type.ColumnType;
import dev.cairn.engine.bind.RowMapper;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Generates a {@link RowMapper} class for one result layout and target type, as a hand-written mapper would be:
 * for a record, {@code return new User(ColumnReaders.longObject(rs, 1), ColumnReaders.string(rs, 2), ...)}; for a
 * mutable class, its no-argument constructor followed by one field store or setter call per column. Each column is
 * read by its typed {@link ColumnReaders} method, which the JIT inlines; nothing is looked up per row.
 *
 * <p>The class is defined in the target's package so that it may call package-private constructors. Where the JVM
 * does not allow that (a private constructor or field, a target in a module closed to Cairn), {@link #tryGenerate}
 * returns {@code null} and the caller falls back to a reflective mapper.
 */
final class MapperGenerator {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String READERS = Type.getInternalName(ColumnReaders.class);
    private static final String MAPPER = Type.getInternalName(RowMapper.class);
    private static final String TYPES = "[" + Type.getDescriptor(ColumnType.class);

    /** One value the mapper reads: its column (from 1), type, and the Java type it is read into. */
    record Slot(int column, ColumnType<?> type, Class<?> javaType, String nullMessage, String fieldName, Method setter) {
    }

    private MapperGenerator() {
    }

    /** A mapper that builds {@code target} through its constructor taking the slots' types, in slot order. */
    static RowMapper<?> tryConstructor(Class<?> target, List<Slot> slots, Dialect dialect) {
        Class<?>[] types = slots.stream().map(Slot::javaType).toArray(Class<?>[]::new);
        Constructor<?> ctor;
        try {
            ctor = target.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isPrivate(ctor.getModifiers()) || Modifier.isPrivate(target.getModifiers()) && !isNested(target)) {
            return null;
        }
        return define(target, mv -> {
            String owner = Type.getInternalName(target);
            mv.visitTypeInsn(Opcodes.NEW, owner);
            mv.visitInsn(Opcodes.DUP);
            for (Slot s : slots) {
                read(mv, s, dialect);
            }
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", Type.getConstructorDescriptor(ctor), false);
            mv.visitInsn(Opcodes.ARETURN);
        }, slots);
    }

    /** A mapper that builds {@code target} with its no-argument constructor, then sets each slot's field. */
    static RowMapper<?> tryFields(Class<?> target, List<Slot> slots, Dialect dialect) {
        Constructor<?> ctor;
        try {
            ctor = target.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isPrivate(ctor.getModifiers())) {
            return null;
        }
        for (Slot s : slots) {
            if (s.setter() == null && !fieldWritable(target, s.fieldName())) {
                return null;
            }
        }
        return define(target, mv -> {
            String owner = Type.getInternalName(target);
            mv.visitTypeInsn(Opcodes.NEW, owner);
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", "()V", false);
            mv.visitVarInsn(Opcodes.ASTORE, 2);
            for (Slot s : slots) {
                mv.visitVarInsn(Opcodes.ALOAD, 2);
                read(mv, s, dialect);
                if (s.setter() != null) {
                    Method m = s.setter();
                    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, m.getName(), Type.getMethodDescriptor(m), false);
                    if (m.getReturnType() != void.class) {
                        mv.visitInsn(m.getReturnType() == long.class || m.getReturnType() == double.class
                                ? Opcodes.POP2 : Opcodes.POP);
                    }
                } else {
                    mv.visitFieldInsn(Opcodes.PUTFIELD, owner, s.fieldName(), Type.getDescriptor(s.javaType()));
                }
            }
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitInsn(Opcodes.ARETURN);
        }, slots);
    }

    /** A mapper that returns one column's value. */
    static RowMapper<?> trySingle(Slot slot, Dialect dialect) {
        return define(MapperGenerator.class, mv -> {
            read(mv, slot, dialect);
            mv.visitInsn(Opcodes.ARETURN);
        }, List.of(slot));
    }

    private static boolean isNested(Class<?> c) {
        return c.getEnclosingClass() != null;
    }

    private static boolean fieldWritable(Class<?> target, String name) {
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                int m = f.getModifiers();
                return c == target && !Modifier.isPrivate(m) && !Modifier.isFinal(m) && !Modifier.isStatic(m);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return false;
    }

    private static void read(MethodVisitor mv, Slot s, Dialect dialect) {
        ColumnReaders.Reader r = ColumnReaders.readerFor(s.type(), s.javaType(), dialect);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        pushInt(mv, s.column());
        if (r.needsNullMessage()) {
            mv.visitLdcInsn(s.nullMessage());
        }
        if (r.needsType()) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, "THIS", "types", TYPES);
            pushInt(mv, s.column());
            mv.visitInsn(Opcodes.AALOAD);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, READERS, r.method(), r.descriptor(), false);
        Type returned = Type.getReturnType(r.descriptor());
        if (!s.javaType().isPrimitive() && !Type.getType(s.javaType()).equals(returned)
                && s.javaType() != Object.class) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(s.javaType()));
        }
    }

    static void pushInt(MethodVisitor mv, int value) {
        if (value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }

    private interface Body {
        void emit(MethodVisitor mv);
    }

    private static RowMapper<?> define(Class<?> host, Body body, List<Slot> slots) {
        String name = Type.getInternalName(host).replace('$', '_') + "$$CairnMapper" + COUNTER.incrementAndGet();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, name, null,
                "java/lang/Object", new String[] {MAPPER});
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "types", TYPES, null, null)
                .visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(" + TYPES + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, name, "types", TYPES);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor map = new ThisRenamer(cw.visitMethod(Opcodes.ACC_PUBLIC, "map",
                "(Ljava/sql/ResultSet;)Ljava/lang/Object;", null, new String[] {"java/sql/SQLException"}), name);
        map.visitCode();
        body.emit(map);
        map.visitMaxs(0, 0);
        map.visitEnd();
        cw.visitEnd();

        ColumnType<?>[] types = new ColumnType<?>[slots.stream().mapToInt(Slot::column).max().orElse(0) + 1];
        for (Slot s : slots) {
            types[s.column()] = s.type();
        }
        Class<?> mapperClass = defineIn(host, cw.toByteArray());
        if (mapperClass == null) {
            return null;
        }
        try {
            return (RowMapper<?>) mapperClass.getConstructor(ColumnType[].class).newInstance((Object) types);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Defines a generated class in {@code host}'s package (hidden, beside this class, when the host is this class);
     * {@code null} where the JVM does not allow it.
     */
    static Class<?> defineIn(Class<?> host, byte[] bytes) {
        try {
            if (host == MapperGenerator.class) {
                return MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
            }
            reachableFrom(host.getModule());
            return MethodHandles.privateLookupIn(host, MethodHandles.lookup()).defineClass(bytes);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * On the module path, a mapper is defined in the row type's package (to call its constructor and accessors
     * directly), so that module must be read by this one and must reach the two engine packages the mapper calls;
     * neither package is exported to applications, so they are exported to that module alone. The application still
     * has to open the package to this module (see module-info). On the class path all of this is a no-op.
     */
    private static void reachableFrom(Module app) {
        Module engine = MapperGenerator.class.getModule();
        if (!engine.isNamed() || app == engine) {
            return;
        }
        engine.addReads(app);
        engine.addExports(RowMapper.class.getPackageName(), app);
        engine.addExports(ColumnReaders.class.getPackageName(), app);
    }

    /** Replaces the placeholder owner "THIS" with the generated class's name. */
    private static final class ThisRenamer extends MethodVisitor {
        private final String name;

        ThisRenamer(MethodVisitor mv, String name) {
            super(Opcodes.ASM9, mv);
            this.name = name;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
            super.visitFieldInsn(opcode, "THIS".equals(owner) ? name : owner, field, descriptor);
        }
    }
}
