import Link from "next/link";

/** Nation → province → commune, each a link but the last. */
export function Breadcrumbs({ label, trail }: { label: string; trail: { name: string; href: string }[] }) {
  return (
    <nav aria-label={label} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        {trail.map((crumb, i) => (
          <li key={crumb.href} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden>›</span>}
            {i < trail.length - 1 ? (
              <Link className="text-sky-800 underline" href={crumb.href}>
                {crumb.name}
              </Link>
            ) : (
              <span aria-current="page" className="font-semibold text-slate-900">
                {crumb.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
