using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PublicStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ProcessingTimes",
                table: "ProcessingTimes");

            migrationBuilder.RenameColumn(
                name: "BusinessDays",
                table: "ProcessingTimes",
                newName: "Days");

            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "ProcessingTimes",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                // The rows kept so far counted business days. Their decisions' calendar days are not in the database
                // yet: the portal recomputes the figures at its start when they are missing (Dashboard.CompleteAsync).
                defaultValue: "Business");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProcessingTimes",
                table: "ProcessingTimes",
                columns: new[] { "Province", "Month", "ProcedureId", "Calendar", "Days" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Without the column, a calendar bin would collide with the business bin of the same days.
            migrationBuilder.Sql("DELETE FROM ProcessingTimes WHERE Calendar = 'Calendar';");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ProcessingTimes",
                table: "ProcessingTimes");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "ProcessingTimes");

            migrationBuilder.RenameColumn(
                name: "Days",
                table: "ProcessingTimes",
                newName: "BusinessDays");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProcessingTimes",
                table: "ProcessingTimes",
                columns: new[] { "Province", "Month", "ProcedureId", "BusinessDays" });
        }
    }
}
