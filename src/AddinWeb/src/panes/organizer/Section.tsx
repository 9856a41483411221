import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronRightRegular } from "@fluentui/react-icons/svg/chevron-right";

/**
 * A part of the plan that collapses: its heading is a button (aria-expanded), its problems counted beside it.
 * A closed section renders nothing, so a long plan stays short on screen.
 */
export function Section({
  id,
  title,
  open,
  onToggle,
  badge,
  children,
}: {
  id: string;
  title: string;
  open: boolean;
  onToggle: () => void;
  badge: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section className="card section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <button type="button" className="section-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={onToggle}>
          <span className="grow">{title}</span>
          {badge}
          {open ? <ChevronDownRegular aria-hidden /> : <ChevronRightRegular aria-hidden />}
        </button>
      </h2>
      {open ? (
        <div id={`${id}-panel`} className="section-panel">
          {children}
        </div>
      ) : null}
    </section>
  );
}
