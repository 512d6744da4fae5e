using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InboxFiltersAndDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "PendingWork",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Search",
                table: "PendingWork",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "PendingWork",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "in_review");

            migrationBuilder.CreateTable(
                name: "MonthlyFigures",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Submitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Decided = table.Column<int>(type: "INTEGER", nullable: false),
                    Approved = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedWithDeadline = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedInTime = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyFigures", x => new { x.Month, x.ProcedureId, x.Province });
                });

            migrationBuilder.CreateTable(
                name: "ProcessingTimes",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingTimes", x => new { x.Month, x.ProcedureId, x.Province, x.BusinessDays });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_SubmittedOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "SubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_Province_ProcedureId_Step_DueOn",
                table: "Applications",
                columns: new[] { "Status", "Province", "ProcedureId", "Step", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyFigures");

            migrationBuilder.DropTable(
                name: "ProcessingTimes");

            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_SubmittedOn",
                table: "PendingWork");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_Province_ProcedureId_Step_DueOn",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "PendingWork");

            migrationBuilder.DropColumn(
                name: "Search",
                table: "PendingWork");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "PendingWork");
        }
    }
}
