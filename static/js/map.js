// The map of the incidents a filter finds (cases.patterns.map_features): the countries of
// Natural Earth as the basemap, drawn from the app's own copy (no tiles from another
// host), each place of an incident as a marker in clusters, each route as a dashed line.
"use strict";

async function fetchJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

// The popup is built as elements, not HTML: titles and notes are the team's own text.
function popup(properties) {
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.href = properties.url;
  link.textContent = properties.reference;
  const title = document.createElement("div");
  title.className = "fw-semibold";
  title.textContent = properties.title;
  const details = document.createElement("div");
  details.className = "small text-body-secondary";
  details.textContent = `${properties.type} · ${properties.occurred}`;
  box.append(link, title, details);
  if (properties.place) {
    const place = document.createElement("div");
    place.className = "small";
    place.textContent = `${properties.role}: ${properties.place}${properties.note ? ` (${properties.note})` : ""}`;
    box.append(place);
  }
  return box;
}

function statusText(counts) {
  const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;
  let text = `${plural(counts.found, "incident")} found, ${counts.placed.toLocaleString()} with a place on the map.`;
  if (counts.drawn < counts.placed) {
    text += ` The map draws the ${counts.drawn.toLocaleString()} most recent: narrow the filter to see the others.`;
  }
  return text;
}

async function drawMap(element) {
  const status = document.getElementById("map-status");
  const map = L.map(element, { minZoom: 1, maxZoom: 12, worldCopyJump: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth");
  map.setView([45, 90], 3);
  try {
    const [atlas, data] = await Promise.all([
      fetchJSON(element.dataset.basemap),
      fetchJSON(element.dataset.url),
    ]);
    L.geoJSON(topojson.feature(atlas, atlas.objects.countries), {
      interactive: false,
      style: { color: "#6c757d", weight: 0.6, fillColor: "#f1efe6", fillOpacity: 1 },
    }).addTo(map);
    const routes = data.features.filter((f) => f.geometry.type === "LineString");
    const places = data.features.filter((f) => f.geometry.type === "Point");
    // The view is set before the markers are clustered, without animation, so that the
    // clusters are drawn once for it (a click on them then finds them where they stay).
    if (places.length) {
      const bounds = L.latLngBounds(places.map((f) => [...f.geometry.coordinates].reverse()));
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 5, animate: false });
    }
    L.geoJSON(routes, {
      style: { color: "#495057", weight: 2, opacity: 0.8, dashArray: "6 4" },
      onEachFeature: (feature, layer) => layer.bindPopup(popup(feature.properties)),
    }).addTo(map);
    const clusters = L.markerClusterGroup({ showCoverageOnHover: false });
    for (const feature of places) {
      const [longitude, latitude] = feature.geometry.coordinates;
      const p = feature.properties;
      const role = p.role.toLowerCase();
      const marker = L.marker([latitude, longitude], {
        icon: L.divIcon({ className: `map-place map-place-${role}`, iconSize: [14, 14] }),
        title: `${p.reference} · ${p.place} (${role})`,
      });
      marker.bindPopup(popup(p));
      clusters.addLayer(marker);
    }
    map.addLayer(clusters);
    status.textContent = statusText(data.counts);
    element.dataset.places = places.length;
    element.dataset.routes = routes.length;
    element.dataset.state = "ready";
  } catch (error) {
    status.textContent = `The map could not be drawn: ${error.message}. Reload the page to try again.`;
    element.dataset.state = "failed";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("incident-map");
  if (element) drawMap(element);
});
