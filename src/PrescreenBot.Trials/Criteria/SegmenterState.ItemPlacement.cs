namespace PrescreenBot.Trials.Criteria;

// Where each list item goes: a top-level criterion, a sub-point of the one above, or one continuing the other
// section's list. Kept apart because this is the one decision table that grows with every new layout.
internal sealed partial class SegmenterState
{
    private void AddItem(int lineNumber, ListMarker marker, string text)
    {
        RawCriterion? parent = null;
        var id = string.Empty;
        var continues = false;
        var top = false;

        switch (marker.Style)
        {
            case MarkerStyle.Dotted:
                parent = _groupHeads.GetValueOrDefault(marker.Major);
                var expectedMinor = _dottedLast.GetValueOrDefault(marker.Major) + 1;
                if (!_dottedLast.ContainsKey(marker.Major))
                {
                    // The group's first sighting also counts as its top-level number.
                    CheckTopGap(marker.Major, lineNumber, $"{marker.Major}.");
                    _topLast = Math.Max(_topLast, marker.Major);
                    if (_topStyle == MarkerStyle.None)
                    {
                        _topStyle = MarkerStyle.Dotted;
                    }
                }

                if (marker.Number > expectedMinor)
                {
                    Gap(lineNumber, $"{marker.Major}.{expectedMinor}", $"{marker.Major}.{marker.Number - 1}", marker.Written);
                }

                _dottedLast[marker.Major] = Math.Max(marker.Number, _dottedLast.GetValueOrDefault(marker.Major));
                id = $"{Prefix}-{marker.Major}.{marker.Number}";
                break;

            case MarkerStyle.Number when _topStyle is MarkerStyle.Bullet or MarkerStyle.Paren && !_strayStart:
            case MarkerStyle.Paren when _topStyle is not (MarkerStyle.None or MarkerStyle.Paren):
            case MarkerStyle.Letter:
                (parent, id) = Nested(lineNumber, marker);
                break;

            case MarkerStyle.Number:
                if (_nested is { Style: MarkerStyle.Number } open && marker.Number == open.Last + 1 && marker.Number != _topLast + 1)
                {
                    (parent, id) = Nested(lineNumber, marker);
                }
                else if (_top is not null && marker.Number == 1 && _topLast >= 1 && _topStyle == MarkerStyle.Number)
                {
                    _nested = null;
                    (parent, id) = Nested(lineNumber, marker);
                }
                else
                {
                    if (_topCount == 0 && _previousNested is { } prev && marker.Number > 1 && prev.Last < marker.Number)
                    {
                        continues = true;
                        _strayStart = true;
                        _flags.Add(new Flag
                        {
                            Code = _kind == CriterionKind.Exclusion ? FlagCodes.InclusionUnderExclusion : FlagCodes.ExclusionUnderInclusion,
                            Message = $"Items from {marker.Written} on continue the numbered list under \"{Short(prev.Parent.Text)}\" " +
                                      $"({prev.Parent.Id}) but sit under the {(_kind == CriterionKind.Exclusion ? "exclusion" : "inclusion")} heading" +
                                      (prev.Last + 1 < marker.Number ? $"; items {prev.Last + 1}–{marker.Number - 1} are missing." : "."),
                            CriterionId = $"{Prefix}-{marker.Number}",
                        });
                        if (prev.Last + 1 < marker.Number)
                        {
                            _flags.Add(new Flag
                            {
                                Code = FlagCodes.NumberingGap,
                                Message = $"Numbering jumps from {prev.Last} to {marker.Number} (items {prev.Last + 1}–{marker.Number - 1} are missing).",
                                CriterionId = $"{Prefix}-{marker.Number}",
                            });
                        }
                    }
                    else
                    {
                        CheckTopGap(marker.Number, lineNumber, marker.Written);
                    }

                    top = true;
                    id = $"{Prefix}-{marker.Number}";
                }

                break;

            case MarkerStyle.Paren:
                CheckTopGap(marker.Number, lineNumber, marker.Written);
                top = true;
                id = $"{Prefix}-{marker.Number}";
                break;

            // A bullet indented deeper than the list's bullets is a sub-bullet of the last one ("  * sub-item").
            case MarkerStyle.Bullet when _topStyle == MarkerStyle.Bullet && _top is not null && _indent >= _topIndent + MinSubIndent:
                parent = _top;
                id = $"{parent.Id}.{parent.ChildCount + 1}";
                break;

            case MarkerStyle.Bullet when _topStyle is MarkerStyle.None or MarkerStyle.Bullet || _strayStart:
            case MarkerStyle.None:
                top = true;
                if (_strayStart && marker.Style == MarkerStyle.Bullet)
                {
                    _topStyle = MarkerStyle.Bullet;
                }

                var position = Math.Max(_topCount, _topLast) + 1;
                id = $"{Prefix}-{position}";

                // Unnumbered items take the next position, so a bullet after "6." is item 7.
                _topLast = position;
                break;

            default: // a bullet under a numbered item: its sub-point
                parent = _lastNonBullet ?? _top;
                id = parent is null ? $"{Prefix}-{_topCount + 1}" : $"{parent.Id}.{parent.ChildCount + 1}";
                top = parent is null;
                break;
        }

        if (top)
        {
            if (_topStyle == MarkerStyle.None || (_topStyle == MarkerStyle.Dotted && marker.Style == MarkerStyle.Number))
            {
                _topStyle = marker.Style == MarkerStyle.None ? MarkerStyle.Bullet : marker.Style;
            }

            _topCount++;
            if (marker.Style is MarkerStyle.Number or MarkerStyle.Paren)
            {
                _topLast = Math.Max(_topLast, marker.Number);
            }

            _nested = null;
        }

        var item = new RawCriterion
        {
            Id = Unique(id),
            Kind = _kind,
            Marker = marker,
            Text = text,
            StartLine = lineNumber,
            EndLine = lineNumber,
            Parent = parent,
            ContinuesOtherSection = continues || (_strayStart && marker.Style == MarkerStyle.Number && top),
        };
        if (parent is not null)
        {
            parent.ChildCount++;
        }

        _items.Add(item);
        _current = item;
        if (top)
        {
            _top = item;
            _topIndent = _indent;
            if (marker.Style == MarkerStyle.Number)
            {
                _groupHeads[marker.Number] = item;
            }
        }

        if (marker.Style != MarkerStyle.Bullet || top)
        {
            _lastNonBullet = item;
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40].TrimEnd() + "…";
}
