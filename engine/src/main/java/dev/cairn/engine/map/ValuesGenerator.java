package dev.cairn.engine.map;

import dev.cairn.engine.bind.RowValues;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Generates a {@link RowValues} class for one record type, as a hand-written one would be:
 * {@code Object[] v = new Object[10]; v[0] = Long.valueOf(r.id()); v[3] = r.name(); ... return v;}. Every accessor
 * is a direct call, where a function per component makes each row's reads one megamorphic call per column.
 *
 * <p>Defined in the record's package, as the generated mappers are; {@link #tryGenerate} returns {@code null} where
 * that is not allowed, and the caller reads the components through method handles instead.
 */
final class ValuesGenerator {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String VALUES = Type.getInternalName(RowValues.class);

    private ValuesGenerator() {
    }

    /**
     * A reader of {@code record}'s components into an array of {@code width} values, component {@code i} at
     * {@code positions[i]}.
     */
    static RowValues tryGenerate(Class<?> record, int[] positions, int width) {
        RecordComponent[] components = record.getRecordComponents();
        String owner = Type.getInternalName(record);
        String name = owner.replace('$', '_') + "$$CairnValues" + COUNTER.incrementAndGet();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, name, null,
                "java/lang/Object", new String[] {VALUES});

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "values", "(Ljava/lang/Object;)[Ljava/lang/Object;",
                null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        MapperGenerator.pushInt(mv, width);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        mv.visitVarInsn(Opcodes.ASTORE, 3);
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            MapperGenerator.pushInt(mv, positions[i]);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, accessor.getName(), Type.getMethodDescriptor(accessor),
                    false);
            box(mv, accessor.getReturnType());
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();

        Class<?> defined = MapperGenerator.defineIn(record, cw.toByteArray());
        if (defined == null) {
            return null;
        }
        try {
            return (RowValues) defined.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static void box(MethodVisitor mv, Class<?> type) {
        if (!type.isPrimitive()) {
            return;
        }
        Type boxed = Type.getType(RowLayout.box(type));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, boxed.getInternalName(), "valueOf",
                "(" + Type.getDescriptor(type) + ")" + boxed.getDescriptor(), false);
    }
}
